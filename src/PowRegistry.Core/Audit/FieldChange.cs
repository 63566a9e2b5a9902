namespace PowRegistry.Core.Audit;

public sealed record FieldChange(string Field, string? Old, string? New);
