namespace PowRegistry.Core.Audit;

public static class AuditActions
{
    public const string Create = "Create";
    public const string Update = "Update";
    public const string Delete = "Delete";
    public const string Access = "Access";

    /// <summary>A record anonymised under retention (ADR-024); the entries that held his values are redacted.</summary>
    public const string Anonymise = "Anonymise";

    /// <summary>Access entries past AccessLogYears had their viewer removed (ADR-024); the entry names how many and which.</summary>
    public const string ExpireAccess = "ExpireAccess";

    /// <summary>Everything held on one man was produced for an administrator (the page or its JSON).</summary>
    public const string Disclose = "Disclose";
}
