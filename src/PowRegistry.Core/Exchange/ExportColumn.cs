using PowRegistry.Core.Common;
using PowRegistry.Core.Prisoners;

namespace PowRegistry.Core.Exchange;

/// <summary>
/// A column of an export or a share. Sensitive columns (next of kin) are filled only for records the user may see
/// them on (<see cref="Common.CurrentUser.MaySeeSensitive"/>). Identifying columns name or single out the man: a share
/// that includes one carries identities and needs a second administrator.
/// </summary>
public sealed record ExportColumn(string Name, bool Sensitive, bool Identifying, Func<Prisoner, string?> Value)
{
    /// <summary>The column's label on the export and share forms: key "ExportColumn.{Name in PascalCase}".</summary>
    public Message Header => new("ExportColumn." + string.Concat(Name.Split('_').Select(w => char.ToUpperInvariant(w[0]) + w[1..])));
}
