namespace PowRegistry.Core.Prisoners;

public enum RegisterSort
{
    Reference = 0,
    Name = 1,
    DateOfCapture = 2,

    /// <summary>When searching: records whose words match what was typed exactly come first.</summary>
    Relevance = 3,
}
