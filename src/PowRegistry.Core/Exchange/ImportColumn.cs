using PowRegistry.Core.Common;
using PowRegistry.Core.Prisoners;

namespace PowRegistry.Core.Exchange;

/// <summary>One column of the import file: its header, what it means (a message key), and how a cell goes into the prisoner form.</summary>
public sealed record ImportColumn(string Name, bool Required, Func<PrisonerInput, string, Message?> Apply)
{
    /// <summary>What the column means, for the template's help: key "ImportColumn.{Name in PascalCase}".</summary>
    public Message Description => new("ImportColumn." + string.Concat(Name.Split('_').Select(w => char.ToUpperInvariant(w[0]) + w[1..])));
}
