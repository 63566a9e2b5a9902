namespace PowRegistry.Core.Prisoners;

public enum DocumentAuthenticity
{
    NotAssessed = 0,
    BelievedGenuine = 1,
    BelievedFalse = 2,
}
