namespace PowRegistry.Core.Audit;

public sealed class AuditFilter
{
    public string? UserId { get; set; }

    /// <summary>A prisoner's reference (POW-…) or id.</summary>
    public string? Record { get; set; }
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }
    public bool IncludeAccess { get; set; } = true;

    /// <summary>Show entries older than this id (keyset paging, newest first).</summary>
    public long? Before { get; set; }
    public int PageSize { get; set; } = 100;
}
