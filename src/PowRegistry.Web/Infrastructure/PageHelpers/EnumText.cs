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
