using System.Globalization;

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

using PowRegistry.Core.Prisoners;
using PowRegistry.Core.Wishes;

namespace PowRegistry.Web.Infrastructure;

/// <summary>
/// A page that acts on the register as filtered at /Prisoners (export, share): the same query-string names, carried
/// through the form as hidden fields (_RegisterFilter partial), and turned into the same <see cref="RegisterQuery"/>.
/// </summary>
public abstract class RegisterFilterPage : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public CustodyStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Nationality { get; set; }
    [BindProperty(SupportsGet = true)] public string? DetainingPower { get; set; }
    [BindProperty(SupportsGet = true)] public WishDestination? Wish { get; set; }
    [BindProperty(SupportsGet = true)] public string? WishState { get; set; }
    [BindProperty(SupportsGet = true)] public WishVerification? Verification { get; set; }

    /// <summary>The chosen columns (raw checkbox values: unknown ones are dropped by the service).</summary>
    [BindProperty] public List<string> Columns { get; set; } = [];

    /// <summary>
    /// Whether the filter was read as sent. A value that could not be read would otherwise drop out of the filter and
    /// widen an export or a share to the whole register; the page refuses instead.
    /// </summary>
    public bool FilterIsValid() =>
        !new[] { nameof(Q), nameof(Status), nameof(Nationality), nameof(DetainingPower), nameof(Wish), nameof(WishState), nameof(Verification) }
            .Any(key => ModelState[key] is { Errors.Count: > 0 })
        && (Status is not { } s || Enum.IsDefined(s))
        && (Wish is not { } w || Enum.IsDefined(w))
        && (Verification is not { } v || Enum.IsDefined(v));

    public const string InvalidFilter = "The register's filter could not be read (a changed or damaged link?): nothing was sent. Filter the register again and start from there.";

    /// <summary>True when the filter could not be read: the page then shows why and offers nothing to send.</summary>
    public bool FilterRefused { get; private set; }

    /// <summary>Refuses an unreadable filter (on showing the form and on sending it); true when refused.</summary>
    protected bool RefuseInvalidFilter()
    {
        if (FilterIsValid()) return false;
        FilterRefused = true;
        ModelState.Clear();
        ModelState.AddModelError("", InvalidFilter);
        return true;
    }

    public RegisterQuery Query()
    {
        if (Status is { } s && !Enum.IsDefined(s)) Status = null;
        if (Wish is { } w && !Enum.IsDefined(w)) Wish = null;
        if (Verification is { } v && !Enum.IsDefined(v)) Verification = null;
        return new RegisterQuery
        {
            Search = Q,
            Status = Status,
            Nationality = Nationality,
            DetainingPower = DetainingPower,
            Wish = Wish,
            WishState = WishState,
            Verification = Verification,
            Sort = string.IsNullOrWhiteSpace(Q) ? RegisterSort.Reference : RegisterSort.Relevance,
        };
    }

    /// <summary>The filter as query-string pairs (for the hidden fields, the link back and the transfer register).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> FilterValues()
    {
        var values = new List<KeyValuePair<string, string>>();
        void Add(string key, string? value) { if (!string.IsNullOrWhiteSpace(value)) values.Add(new(key, value)); }
        Add("q", Q);
        Add("status", Status is { } s && Enum.IsDefined(s) ? ((int)s).ToString(CultureInfo.InvariantCulture) : null);
        Add("nationality", Nationality);
        Add("detainingPower", DetainingPower);
        Add("wish", Wish is { } w && Enum.IsDefined(w) ? ((int)w).ToString(CultureInfo.InvariantCulture) : null);
        Add("wishState", WishState);
        Add("verification", Verification is { } v && Enum.IsDefined(v) ? ((int)v).ToString(CultureInfo.InvariantCulture) : null);
        return values;
    }

    public string FilterText() =>
        FilterValues().Count == 0 ? "(whole register)" : string.Join('&', FilterValues().Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}"));

    public string RegisterLink() => FilterValues().Count == 0 ? "/Prisoners" : "/Prisoners?" + FilterText();

    public bool Chosen(string column) => Columns.Contains(column, StringComparer.OrdinalIgnoreCase);
}
