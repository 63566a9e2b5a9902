namespace PowRegistry.Core.Audit;

public static class AuditActions
{
    public const string Create = "Create";
    public const string Update = "Update";
    public const string Delete = "Delete";
    public const string Access = "Access";
}
