using System.Collections.Concurrent;
using System.Text.Encodings.Web;

using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

using PowRegistry.Core.Common;
using PowRegistry.Core.Countries;

namespace PowRegistry.Web.Infrastructure;

public static class PageExtensions
{
    /// <summary>
    /// The one place a page turns Core's refusals into what the user sees: not found → 404, forbidden → 403, and
    /// otherwise each message in the reader's language next to its field (prefix is the bound property, e.g. "Form";
    /// field "" is the whole form). Returns the answer for not found / forbidden, or null when the page should be shown again.
    /// </summary>
    public static IActionResult? ShowRefusals(this PageModel page, IReadOnlyList<Refusal> refusals, string prefix = "", bool alsoAtTop = false)
    {
        if (refusals.Any(r => r.Kind == RefusalKind.NotFound)) return page.NotFound();
        if (refusals.Any(r => r.Kind == RefusalKind.Forbidden)) return page.Forbid();
        page.ModelState.AddRefusals(refusals, prefix, page.HttpContext.RequestServices.GetRequiredService<MessageText>(), alsoAtTop);
        return null;
    }

    /// <summary>Shows refusals next to their fields; with alsoAtTop, a field's message is also listed at the top of the form.</summary>
    public static void AddRefusals(this ModelStateDictionary modelState, IEnumerable<Refusal> refusals, string prefix, MessageText text, bool alsoAtTop = false)
    {
        foreach (var refusal in refusals)
        {
            var message = text[refusal];
            if (refusal.Field.Length == 0 || alsoAtTop) modelState.AddModelError("", message);
            if (refusal.Field.Length > 0) modelState.AddModelError(prefix.Length == 0 ? refusal.Field : $"{prefix}.{refusal.Field}", message);
        }
    }

    /// <summary>The notice shown once after a redirect (the layout shows it): a key into SharedResource and its arguments.</summary>
    public static void Notify(this PageModel page, string text, params string[] args)
    {
        page.TempData["Message"] = text;
        page.TempData["MessageArgs"] = args;
    }

    public static IEnumerable<SelectListItem> CountryOptions(string? selected) =>
        CountryList.InCurrentLanguage().Select(c => new SelectListItem(c.Name, c.Code, string.Equals(c.Code, selected, StringComparison.OrdinalIgnoreCase)));

    /// <summary>
    /// The country list as &lt;option&gt; elements, as the select tag helper writes them from <see cref="CountryOptions"/>,
    /// but encoded once per language: the register's filter shows the list three times, and building some 750 options
    /// through the tag helper on every view cost more than the register's own query (issue 13).
    /// </summary>
    public static IHtmlContent CountryOptionsHtml(string? selected)
    {
        var all = EncodedCountryOptions.GetOrAdd(System.Globalization.CultureInfo.CurrentUICulture.Name, _ => string.Concat(
            CountryList.InCurrentLanguage().Select(c => $"<option value=\"{Html.Encode(c.Code)}\">{Html.Encode(c.Name)}</option>")));
        if (CountryList.All.FirstOrDefault(c => string.Equals(c.Code, selected, StringComparison.OrdinalIgnoreCase)) is not { } chosen) return new HtmlString(all);
        var value = $"<option value=\"{Html.Encode(chosen.Code)}\">";
        return new HtmlString(all.Replace(value, $"<option selected=\"selected\" value=\"{Html.Encode(chosen.Code)}\">", StringComparison.Ordinal));
    }

    private static readonly ConcurrentDictionary<string, string> EncodedCountryOptions = new();

    /// <summary>As the pages encode (WebEncoderOptions in AddPowRegistryPages): every script as characters.</summary>
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);
}
