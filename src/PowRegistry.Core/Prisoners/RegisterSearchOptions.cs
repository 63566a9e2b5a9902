namespace PowRegistry.Core.Prisoners;

/// <summary>How register search chooses its shape (see <see cref="RegisterSearch"/>). Tests lower the cap to exercise both shapes on a small register.</summary>
public sealed class RegisterSearchOptions
{
    /// <summary>A condition with fewer index entries than this has its list of ids read whole; a longer one is only probed row by row.</summary>
    public int ListCap { get; set; } = 5000;
}
