using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

using PowRegistry.Core.Prisoners;
using PowRegistry.Core.Wishes;
using PowRegistry.Web.Infrastructure;

namespace PowRegistry.Web.Pages.Prisoners;

/// <summary>The register: search, filters, sorting and keyset paging. Everything is in the query string, so a view can be bookmarked.</summary>
public sealed class IndexModel(RegisterService register) : PageModel
{
    [BindProperty(SupportsGet = true)] public RegisterFilter Filter { get; set; } = new();
    [BindProperty(SupportsGet = true)] public RegisterSort Sort { get; set; }
    [BindProperty(SupportsGet = true)] public bool Desc { get; set; }
    [BindProperty(SupportsGet = true)] public string? After { get; set; }
    [BindProperty(SupportsGet = true)] public string? Before { get; set; }

    public RegisterPage Results { get; private set; } = new([], null, null);

    /// <summary>The filter as read (what could not be read left out).</summary>
    public RegisterQuery Query { get; private set; } = new();

    public string? Q => Query.Search;
    public CustodyStatus? Status => Query.Status;
    public string? Nationality => Query.Nationality;
    public string? DetainingPower => Query.DetainingPower;
    public WishDestination? Wish => Query.Wish;
    public string? WishState => Query.WishState;
    public WishVerification? Verification => Query.Verification;

    public async Task OnGetAsync(CancellationToken ct)
    {
        // A hand-edited query string (unknown status or sort) falls back to the defaults rather than failing.
        Query = Filter.Read(refused: []);
        if (!Enum.IsDefined(Sort)) Sort = RegisterSort.Reference;
        // A search is ordered best match first unless the officer chose another order.
        if (!Request.Query.ContainsKey("sort")) Sort = Query.Sort;
        Query.Sort = Sort;
        Query.Descending = Desc;
        Query.After = After;
        Query.Before = Before;
        Results = await register.ListAsync(Query, ct);
    }

    /// <summary>A row's link to its record: built from the path, not through routing once per row (100 links a page).</summary>
    public string RecordLink(int id) => (_recordsPath ??= Url.Content("~/Prisoners/")) + id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private string? _recordsPath;

    public string SortLink(RegisterSort sort) =>
        Url.Page("Index", Values(sort, sort == Sort ? !Desc : sort == RegisterSort.DateOfCapture, null, null))!;

    public string SortMark(RegisterSort sort) => sort != Sort ? "" : Desc ? " ▼" : " ▲";

    public string PageLink(string? after = null, string? before = null) => Url.Page("Index", Values(Sort, Desc, after, before))!;

    /// <summary>Export or share the records of this view (same filters; sort and position do not matter there).</summary>
    public string ExchangeLink(string page) => Url.Page(page, Values(Sort, Desc, null, null).Where(v => v.Key is not ("sort" or "desc" or "after" or "before")).ToDictionary())!;

    private Dictionary<string, object?> Values(RegisterSort sort, bool desc, string? after, string? before) => new()
    {
        ["q"] = Q,
        ["status"] = Status,
        ["nationality"] = Nationality,
        ["detainingPower"] = DetainingPower,
        ["wish"] = Wish,
        ["wishState"] = WishState,
        ["verification"] = Verification,
        ["sort"] = sort,
        ["desc"] = desc,
        ["after"] = after,
        ["before"] = before,
    };
}
