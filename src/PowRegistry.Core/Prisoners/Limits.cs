namespace PowRegistry.Core.Prisoners;

public static class Limits
{
    public const int Name = 200;
    public const int ShortText = 200;
    public const int LongText = 4000;
}
