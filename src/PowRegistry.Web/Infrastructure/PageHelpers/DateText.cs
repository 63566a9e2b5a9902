namespace PowRegistry.Web.Infrastructure;

public static class DateText
{
    /// <summary>
    /// A day as 2025-01-09 (ISO 8601), in every language: the one convention of every page, the same one the date
    /// fields take (ADR-023). A short local date is ambiguous between officers used to day-first and month-first dates.
    /// </summary>
    public static string Show(this DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public static string Show(this DateOnly? date) => date is { } d ? d.Show() : "";
}
