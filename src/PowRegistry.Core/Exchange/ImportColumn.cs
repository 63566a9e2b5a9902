using PowRegistry.Core.Prisoners;

namespace PowRegistry.Core.Exchange;

/// <summary>One column of the import file: its header, what it means, and how a cell goes into the prisoner form.</summary>
public sealed record ImportColumn(string Name, string Description, bool Required, Func<PrisonerInput, string, string?> Apply);
