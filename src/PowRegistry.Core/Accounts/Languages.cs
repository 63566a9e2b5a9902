namespace PowRegistry.Core.Accounts;

/// <summary>
/// The interface's languages: English, Korean (the receiving ministry) and Ukrainian (the detaining power). A user's
/// choice is kept on his account (<see cref="AppUser.PreferredLanguage"/>) and follows him to any browser.
/// </summary>
public static class Languages
{
    public const string English = "en";
    public const string Korean = "ko";
    public const string Ukrainian = "uk";

    /// <summary>In the order the switcher shows them.</summary>
    public static IReadOnlyList<string> Supported { get; } = [English, Korean, Ukrainian];

    /// <summary>Each language's name in itself, as a language switcher shows it.</summary>
    public static string NativeName(string language) => language switch
    {
        Korean => "한국어",
        Ukrainian => "Українська",
        _ => "English",
    };

    public static bool IsSupported(string? language) => language is not null && Supported.Contains(language, StringComparer.Ordinal);
}
