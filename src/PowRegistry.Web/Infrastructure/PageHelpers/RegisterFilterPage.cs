using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

using PowRegistry.Core.Prisoners;

namespace PowRegistry.Web.Infrastructure;

/// <summary>
/// A page that acts on the register as filtered at /Prisoners (export, share): the same query-string names, carried
/// through the form as hidden fields (_RegisterFilter partial), and read by the same <see cref="RegisterFilter"/>.
/// </summary>
public abstract class RegisterFilterPage : PageModel
{
    /// <summary>The register's filter, bound from the query string names of /Prisoners (q, status, nationality, …).</summary>
    [BindProperty(SupportsGet = true)] public RegisterFilter Filter { get; set; } = new();

    /// <summary>The chosen columns (raw checkbox values: unknown ones are dropped by the service).</summary>
    [BindProperty] public List<string> Columns { get; set; } = [];

    /// <summary>
    /// Whether the filter was read as sent. A value that could not be read would otherwise drop out of the filter and
    /// widen an export or a share to the whole register; the page refuses instead.
    /// </summary>
    public bool FilterIsValid()
    {
        var refused = new List<Core.Common.Refusal>();
        Filter.Read(refused);
        return refused.Count == 0;
    }

    public const string InvalidFilter = "The register's filter could not be read (a changed or damaged link?): nothing was sent. Filter the register again and start from there.";

    /// <summary>True when the filter could not be read: the page then shows why and offers nothing to send.</summary>
    public bool FilterRefused { get; private set; }

    /// <summary>Refuses an unreadable filter (on showing the form and on sending it); true when refused.</summary>
    protected bool RefuseInvalidFilter()
    {
        if (FilterIsValid()) return false;
        FilterRefused = true;
        ModelState.Clear();
        ModelState.AddModelError("", HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>()[InvalidFilter]);
        return true;
    }

    public RegisterQuery Query() => Filter.Read([]);

    /// <summary>The filter as query-string pairs (for the hidden fields, the link back and the transfer register).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> FilterValues() => Filter.Values();

    public string FilterText() =>
        FilterValues().Count == 0 ? "(whole register)" : string.Join('&', FilterValues().Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}"));

    public string RegisterLink() => FilterValues().Count == 0 ? "/Prisoners" : "/Prisoners?" + FilterText();

    public bool Chosen(string column) => Columns.Contains(column, StringComparer.OrdinalIgnoreCase);
}
