namespace PowRegistry.Core.Prisoners;

/// <summary>What the register list is asked for: search words, filters, sort and a keyset cursor.</summary>
public sealed class RegisterQuery
{
    public const int DefaultPageSize = 50;

    public string? Search { get; set; }
    public CustodyStatus? Status { get; set; }
    public string? Nationality { get; set; }
    public string? DetainingPower { get; set; }

    /// <summary>Current wish (latest statement not withdrawn), its named state, and how well it is verified.</summary>
    public Wishes.WishDestination? Wish { get; set; }
    public string? WishState { get; set; }
    public Wishes.WishVerification? Verification { get; set; }

    public RegisterSort Sort { get; set; }
    public bool Descending { get; set; }

    /// <summary>Show the page after this cursor (from <see cref="RegisterPage.NextCursor"/>).</summary>
    public string? After { get; set; }

    /// <summary>Show the page before this cursor (from <see cref="RegisterPage.PreviousCursor"/>).</summary>
    public string? Before { get; set; }

    public int PageSize { get; set; } = DefaultPageSize;

    /// <summary>The same search, filters and sort from the first page, <paramref name="pageSize"/> rows a page (every filter comes along, including any added later).</summary>
    public RegisterQuery FirstPage(int pageSize)
    {
        var copy = (RegisterQuery)MemberwiseClone();
        copy.After = null;
        copy.Before = null;
        copy.PageSize = pageSize;
        return copy;
    }
}
