using System.ComponentModel.DataAnnotations;
using System.Reflection;

namespace PowRegistry.Web.Infrastructure;

public static class EnumText
{
    /// <summary>The [Display(Name)] of an enum value, e.g. "Seriously sick or wounded"; the raw name when it has none.</summary>
    public static string Display<TEnum>(this TEnum value) where TEnum : struct, Enum
    {
        var name = value.ToString();
        return typeof(TEnum).GetField(name)?.GetCustomAttribute<DisplayAttribute>()?.GetName() ?? name;
    }
}

public static class DateText
{
    /// <summary>
    /// A day as "9 Jan 2025" in the current culture's month names: unambiguous between officers used to
    /// day-first and month-first dates, which a short numeric date is not.
    /// </summary>
    public static string Show(this DateOnly date) => date.ToString("d MMM yyyy", System.Globalization.CultureInfo.CurrentCulture);

    public static string Show(this DateOnly? date) => date is { } d ? d.Show() : "";
}
