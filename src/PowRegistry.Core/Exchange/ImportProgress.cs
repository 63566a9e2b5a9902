namespace PowRegistry.Core.Exchange;

/// <summary>How far an import has come: counts only (no row content), safe for a console or a log.</summary>
public sealed record ImportProgress(ImportStage Stage, int Done, int Total);
