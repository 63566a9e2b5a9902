namespace PowRegistry.Core.Accounts;

public static class Roles
{
    public const string Administrator = "Administrator";
    public const string CaseOfficer = "CaseOfficer";
    public const string Auditor = "Auditor";

    public static readonly IReadOnlyList<string> All = [Administrator, CaseOfficer, Auditor];

    public static string Describe(string role) => role switch
    {
        Administrator => "Administrator",
        CaseOfficer => "Case officer",
        Auditor => "Auditor (read-only)",
        _ => role,
    };
}
