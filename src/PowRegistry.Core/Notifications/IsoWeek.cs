using System.Globalization;
using System.Text.RegularExpressions;

namespace PowRegistry.Core.Notifications;

/// <summary>ISO weeks as an &lt;input type="week"&gt; sends them: "2025-W23", Monday to Sunday.</summary>
public static partial class IsoWeek
{
    public static bool TryParse(string? text, out DateOnly monday)
    {
        monday = default;
        var match = Pattern().Match(text?.Trim() ?? "");
        if (!match.Success) return false;
        var year = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var week = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
        if (year is < 1900 or > 9998 || week < 1 || week > ISOWeek.GetWeeksInYear(year)) return false;
        monday = DateOnly.FromDateTime(ISOWeek.ToDateTime(year, week, DayOfWeek.Monday));
        return true;
    }

    public static DateOnly MondayOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    public static string Format(DateOnly day)
    {
        var date = day.ToDateTime(TimeOnly.MinValue);
        return string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(date):D4}-W{ISOWeek.GetWeekOfYear(date):D2}");
    }

    [GeneratedRegex(@"^(\d{4})-W(\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
