using PowRegistry.Core.Common;

namespace PowRegistry.Core.Exchange;

/// <summary>A record on the register, or an earlier row of the same file, that may be the same man.</summary>
/// <summary>Who: a record's reference and name, or an earlier row of the file (<see cref="FileRow"/>). Why: a message key.</summary>
public sealed record ImportDuplicate(string? Reference, int? FileRow, string? Name, Message Why)
{
    /// <summary>"PW-… Name" or "Row 3 of this file".</summary>
    public Message Who => FileRow is { } row ? new Message("Duplicate.RowOfThisFile", row) : new Message("Duplicate.Record", Reference, Name ?? "");
}
