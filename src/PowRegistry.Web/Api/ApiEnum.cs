using PowRegistry.Core.Common;

namespace PowRegistry.Web.Api;

/// <summary>Enum values in query strings, spelt as in the JSON (camelCase names; numbers are refused).</summary>
internal static class ApiEnum
{
    public static T? Parse<T>(string? text, string field, List<Refusal> errors) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        // Exact names only: Enum.TryParse would also take numbers, "+1" and comma lists ("name,dateOfCapture").
        var name = Enum.GetNames<T>().FirstOrDefault(n => string.Equals(n, text.Trim(), StringComparison.OrdinalIgnoreCase));
        if (name is not null) return Enum.Parse<T>(name);
        var allowed = string.Join(", ", Enum.GetNames<T>().Select(n => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(n)));
        errors.Add(Refusal.Invalid($"Use one of: {allowed}.").On(field));
        return null;
    }
}
