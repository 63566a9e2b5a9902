namespace PowRegistry.Core.Exchange;

/// <summary>A file to hand to the browser.</summary>
public sealed record ExportFile(string FileName, byte[] Content);
