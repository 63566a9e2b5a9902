using PowRegistry.Core.Common;

namespace PowRegistry.Core.Accounts;

public static class Roles
{
    public const string Administrator = "Administrator";
    public const string CaseOfficer = "CaseOfficer";
    public const string Auditor = "Auditor";

    public static readonly IReadOnlyList<string> All = [Administrator, CaseOfficer, Auditor];

    /// <summary>A role's name as users read it (key "Role.{name}"); a user with no role (""), or an unknown one, shows the name as it is.</summary>
    public static Message Label(string role) => All.Contains(role) ? new Message($"Role.{role}") : new Message("Common.AsIs", role);
}
