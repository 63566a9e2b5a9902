namespace PowRegistry.Core.Accounts;

/// <summary>Authorization policy names used by pages.</summary>
public static class Policies
{
    /// <summary>May change the register: administrators and case officers. Auditors only read.</summary>
    public const string EditRecords = "EditRecords";
    public const string Administer = "Administer";

    /// <summary>Reads the audit trail: administrators and auditors.</summary>
    public const string ReadAudit = "ReadAudit";
}
