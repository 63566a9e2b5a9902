using System.Globalization;

using PowRegistry.Core.Common;
using PowRegistry.Core.Prisoners;
using PowRegistry.Core.Wishes;
using PowRegistry.Web.Api;

namespace PowRegistry.Web.Infrastructure;

/// <summary>
/// The register's filter (search and filters) as a query string or form carries it, read in one place for the
/// register (/Prisoners), its export and share (<see cref="RegisterFilterPage"/>) and <c>GET /api/v1/prisoners</c>.
/// Values are bound as sent; <see cref="Read"/> turns them into a <see cref="RegisterQuery"/> and says which could not be
/// read, so each caller decides: the register falls back to "any", an export refuses, the API answers 400.
/// </summary>
public sealed class RegisterFilter
{
    public string? Q { get; set; }
    public string? Status { get; set; }
    public string? Nationality { get; set; }
    public string? DetainingPower { get; set; }
    public string? Wish { get; set; }
    public string? WishState { get; set; }
    public string? Verification { get; set; }

    /// <summary>
    /// The query (sorted best match first when searching, else by reference), leaving out every value that could not
    /// be read and adding it to <paramref name="refused"/>. The pages' forms send enum values as numbers; the API spells
    /// them as in its JSON, by name only (<paramref name="namesOnly"/>, with its messages).
    /// </summary>
    public RegisterQuery Read(List<Refusal> refused, bool namesOnly = false) => new()
    {
        Search = Q,
        Status = Parse<CustodyStatus>(Status, "status", refused, namesOnly),
        Nationality = Nationality,
        DetainingPower = DetainingPower,
        Wish = Parse<WishDestination>(Wish, "wish", refused, namesOnly),
        WishState = WishState,
        Verification = Parse<WishVerification>(Verification, "verification", refused, namesOnly),
        Sort = DefaultSort(Q),
    };

    /// <summary>A search is ordered best match first unless another order was chosen.</summary>
    public static RegisterSort DefaultSort(string? search) => string.IsNullOrWhiteSpace(search) ? RegisterSort.Reference : RegisterSort.Relevance;

    /// <summary>The filter as query-string pairs, as the register's form sends them (for hidden fields and links back).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Values()
    {
        var query = Read([]);
        var values = new List<KeyValuePair<string, string>>();
        void Add(string key, string? value) { if (!string.IsNullOrWhiteSpace(value)) values.Add(new(key, value)); }
        Add("q", Q);
        Add("status", query.Status is { } s ? ((int)s).ToString(CultureInfo.InvariantCulture) : null);
        Add("nationality", Nationality);
        Add("detainingPower", DetainingPower);
        Add("wish", query.Wish is { } w ? ((int)w).ToString(CultureInfo.InvariantCulture) : null);
        Add("wishState", WishState);
        Add("verification", query.Verification is { } v ? ((int)v).ToString(CultureInfo.InvariantCulture) : null);
        return values;
    }

    private static T? Parse<T>(string? text, string field, List<Refusal> refused, bool namesOnly) where T : struct, Enum
    {
        if (namesOnly) return ApiEnum.Parse<T>(text, field, refused);
        if (string.IsNullOrWhiteSpace(text)) return null;
        // As the pages' model binding read them: a name or a number, and only a value the enum defines.
        if (Enum.TryParse<T>(text, ignoreCase: true, out var value) && Enum.IsDefined(value)) return value;
        refused.Add(Refusal.Invalid(RegisterFilterPage.InvalidFilter).On(field));
        return null;
    }
}
