using PowRegistry.Core.Common;

namespace PowRegistry.Core.Exchange;

/// <summary>What the file would do: either refused as a whole (<see cref="FileErrors"/>), or its rows.</summary>
public sealed record ImportPreview(IReadOnlyList<ImportProblem> FileErrors, IReadOnlyList<ImportRow> Rows)
{
    public bool Refused => FileErrors.Count > 0;
    public int ValidCount => Rows.Count(r => r.IsValid);
    public int InvalidCount => Rows.Count(r => !r.IsValid);

    public static ImportPreview Refuse(Message message) => new([new ImportProblem(0, "", message)], []);
}
