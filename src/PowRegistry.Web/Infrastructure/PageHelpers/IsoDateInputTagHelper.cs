using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;

namespace PowRegistry.Web.Infrastructure;

/// <summary>
/// Every <c>&lt;input type="date"&gt;</c> becomes a text field for a date written 2025-01-09, the one date format of
/// every page in every language (ADR-023). A browser's date picker shows the browser's own convention (05/04/2025 is
/// April in one country and May in another), whatever the page's language; the ISO form is read the same everywhere.
/// Runs after the input tag helper, which has already written the value as yyyy-MM-dd for a date field.
/// </summary>
[HtmlTargetElement("input", Attributes = "[type=date]")]
public sealed class IsoDateInputTagHelper(IStringLocalizer<SharedResource> t) : TagHelper
{
    public const string Pattern = @"\d{4}-\d{2}-\d{2}";

    public override int Order => 1000;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.Attributes.SetAttribute("type", "text");
        output.Attributes.SetAttribute("inputmode", "numeric");
        output.Attributes.SetAttribute("pattern", Pattern);
        output.Attributes.SetAttribute("maxlength", "10");
        output.Attributes.SetAttribute("autocomplete", "off");
        if (!output.Attributes.ContainsName("placeholder")) output.Attributes.SetAttribute("placeholder", t["YYYY-MM-DD"].Value);
        if (!output.Attributes.ContainsName("title")) output.Attributes.SetAttribute("title", t["A date as year-month-day, e.g. 2025-01-09"].Value);
    }
}
