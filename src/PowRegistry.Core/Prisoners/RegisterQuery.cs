using System.Text;

namespace PowRegistry.Core.Prisoners;

public enum RegisterSort
{
    Reference = 0,
    Name = 1,
    DateOfCapture = 2,

    /// <summary>When searching: records whose words match what was typed exactly come first.</summary>
    Relevance = 3,
}

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

public sealed record RegisterRow(
    int Id,
    string Reference,
    string? FamilyName,
    string? GivenNames,
    string? FirstAlias,
    string? Rank,
    string? ServiceNumber,
    string? NationalityCode,
    string? DetainingPowerCode,
    DateOnly? DateOfCapture,
    CustodyStatus CustodyStatus,
    Wishes.WishDestination? CurrentWish = null,
    string? CurrentWishStateCode = null,
    Wishes.WishVerification? CurrentWishVerification = null,
    int? CurrentWishCertainty = null)
{
    public string DisplayName =>
        string.Join(' ', new[] { FamilyName, GivenNames }.Where(n => !string.IsNullOrEmpty(n))) is { Length: > 0 } name
            ? name
            : FirstAlias ?? "(name unknown)";
}

public sealed record RegisterPage(IReadOnlyList<RegisterRow> Rows, string? PreviousCursor, string? NextCursor);

/// <summary>A position in the register: the sort key and id of a row. Opaque to users (base64url text).</summary>
public sealed record RegisterCursor(string Key, int Id)
{
    public string Encode() =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Id}\u001f{Key}")).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>Decodes a cursor; null for anything malformed (a tampered link shows the first page, never an error).</summary>
    public static RegisterCursor? Decode(string? text)
    {
        if (string.IsNullOrEmpty(text) || text.Length > 1000) return null;
        try
        {
            var base64 = text.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '=');
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(base64));
            var separator = decoded.IndexOf('\u001f', StringComparison.Ordinal);
            if (separator < 0 || !int.TryParse(decoded[..separator], System.Globalization.CultureInfo.InvariantCulture, out var id)) return null;
            return new RegisterCursor(decoded[(separator + 1)..], id);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
