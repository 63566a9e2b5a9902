namespace PowRegistry.Web.Infrastructure;

/// <summary>One bar: what it counts, how many, and the filtered list that shows them.</summary>
public sealed record Bar(string Key, string Label, int Count, string Link);
