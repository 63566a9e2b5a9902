using PowRegistry.Core.Common;
using PowRegistry.Core.Prisoners;

namespace PowRegistry.Core.Exchange;

/// <summary>What the file would do: either refused as a whole (<see cref="FileErrors"/>), or its rows.</summary>
public sealed record ImportPreview(IReadOnlyList<ImportProblem> FileErrors, IReadOnlyList<ImportRow> Rows)
{
    public bool Refused => FileErrors.Count > 0;
    public int ValidCount => Rows.Count(r => r.IsValid);
    public int InvalidCount => Rows.Count(r => !r.IsValid);

    /// <summary>The service's checks of the rows, in their order: what lets the import save them without checking again.</summary>
    internal CheckedBatch? Checked { get; init; }

    public static ImportPreview Refuse(Message message) => new([new ImportProblem(0, "", message)], []);
}
