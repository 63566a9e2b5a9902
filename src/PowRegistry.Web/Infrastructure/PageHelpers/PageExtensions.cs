using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;

using PowRegistry.Core.Common;
using PowRegistry.Core.Countries;

namespace PowRegistry.Web.Infrastructure;

public static class PageExtensions
{
    /// <summary>Shows service errors next to their fields (prefix is the bound property, e.g. "Form").</summary>
    public static void AddErrors(this ModelStateDictionary modelState, IEnumerable<FieldError> errors, string prefix)
    {
        foreach (var error in errors)
        {
            modelState.AddModelError(error.Field.Length == 0 ? "" : prefix.Length == 0 ? error.Field : $"{prefix}.{error.Field}", error.Message);
        }
    }

    public static IEnumerable<SelectListItem> CountryOptions(string? selected) =>
        CountryList.All.Select(c => new SelectListItem(c.Name, c.Code, string.Equals(c.Code, selected, StringComparison.OrdinalIgnoreCase)));
}
