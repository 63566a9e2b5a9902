namespace PowRegistry.Core.Countries;

public sealed record Country(string Code, string Name);
