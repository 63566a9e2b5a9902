using Microsoft.AspNetCore.Identity;

namespace PowRegistry.Core.Accounts;

public sealed class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>A disabled account cannot sign in and its open sessions end at the next security-stamp check.</summary>
    public bool IsDisabled { get; set; }
}

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

/// <summary>Authorization policy names used by pages.</summary>
public static class Policies
{
    /// <summary>May change the register: administrators and case officers. Auditors only read.</summary>
    public const string EditRecords = "EditRecords";
    public const string Administer = "Administer";

    /// <summary>Reads the audit trail: administrators and auditors.</summary>
    public const string ReadAudit = "ReadAudit";
}
