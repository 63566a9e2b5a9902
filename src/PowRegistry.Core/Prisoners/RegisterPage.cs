namespace PowRegistry.Core.Prisoners;

public sealed record RegisterPage(IReadOnlyList<RegisterRow> Rows, string? PreviousCursor, string? NextCursor);
