namespace PowRegistry.Web.Infrastructure;

public static class DateText
{
    /// <summary>
    /// A day as "9 Jan 2025" in the current culture's month names: unambiguous between officers used to
    /// day-first and month-first dates, which a short numeric date is not.
    /// </summary>
    public static string Show(this DateOnly date) => date.ToString("d MMM yyyy", System.Globalization.CultureInfo.CurrentCulture);

    public static string Show(this DateOnly? date) => date is { } d ? d.Show() : "";
}
