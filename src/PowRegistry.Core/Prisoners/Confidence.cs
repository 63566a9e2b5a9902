namespace PowRegistry.Core.Prisoners;

public enum Confidence
{
    NotAssessed = 0,
    Low = 1,
    Medium = 2,
    High = 3,
}
