using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace PowRegistry.Web.Tests.Localization;

/// <summary>
/// Korean and Ukrainian have words for everything English has (issue 15): every key of Core's messages, and every
/// page text the sources pass to the localizer (T["…"]), with the same placeholders, so that no page falls back to
/// English and no message loses a number.
/// </summary>
public sealed partial class TranslationTests
{
    public static TheoryData<string> Languages => ["ko", "uk"];

    [GeneratedRegex(@"\b[Tt]\[\s*""((?:[^""\\]|\\.)*)""")]
    private static partial Regex LocalizerKey();

    // Labels of the Web's own forms: [Display(Name = "…")] and validation messages are read through the shared localizer too.
    [GeneratedRegex(@"(?:Display\(Name\s*=\s*|ErrorMessage\s*=\s*)""((?:[^""\\]|\\.)*)""")]
    private static partial Regex AttributeText();

    [GeneratedRegex(@"\{\d+(?::[^}]*)?\}")]
    private static partial Regex Placeholder();

    private static string ResourcePath(string file) => Path.Combine(Resources.RepositoryRoot, "src", "PowRegistry.Web", "Resources", file);

    private static Dictionary<string, string> Read(string file) =>
        File.Exists(ResourcePath(file))
            ? XDocument.Load(ResourcePath(file)).Root!.Elements("data").ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "", StringComparer.Ordinal)
            : [];

    /// <summary>The page texts: the English words the Web's sources pass to the shared localizer as literals.</summary>
    internal static IReadOnlySet<string> PageTexts() =>
        Directory.EnumerateFiles(Path.Combine(Resources.RepositoryRoot, "src", "PowRegistry.Web"), "*.cs*", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => LocalizerKey().Matches(File.ReadAllText(f)).Concat(f.EndsWith(".cs", StringComparison.Ordinal) ? AttributeText().Matches(File.ReadAllText(f)) : [])
                .Select(m => Regex.Unescape(m.Groups[1].Value)))
            .ToHashSet(StringComparer.Ordinal);

    [Theory]
    [MemberData(nameof(Languages))]
    public void EveryPageText_HasWords(string language)
    {
        var translated = Read($"SharedResource.{language}.resx");
        var missing = PageTexts().Where(k => !translated.TryGetValue(k, out var words) || string.IsNullOrWhiteSpace(words)).Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, $"{missing.Count} page texts without {language} words:\n" + string.Join("\n", missing));
    }

    /// <summary>
    /// A .resx compiles its names case-insensitively (MSB3568: the second is dropped), so "Overdue" and "overdue" would
    /// share one translation and one of them would fall back to English. A lower-case use gets a key of its own
    /// ("overdue (inline)", with its English words in the neutral SharedResource.resx).
    /// </summary>
    [Fact]
    public void NoTwoPageTexts_DifferOnlyByCase()
    {
        var clashes = PageTexts().GroupBy(k => k, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => string.Join(" / ", g)).ToList();
        Assert.True(clashes.Count == 0, string.Join("\n", clashes));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void EveryMessageKey_HasWords(string language)
    {
        var translated = Read($"MessageResource.{language}.resx");
        var missing = Resources.English.Keys.Where(k => !translated.TryGetValue(k, out var words) || string.IsNullOrWhiteSpace(words)).Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, $"{missing.Count} message keys without {language} words:\n" + string.Join("\n", missing));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Translations_KeepEveryPlaceholder(string language)
    {
        static string Shape(string text) => string.Join(" ", Placeholder().Matches(text).Select(m => m.Value).Order(StringComparer.Ordinal));
        var pairs = Read($"SharedResource.{language}.resx").Select(p => (p.Key, English: p.Key, Words: p.Value))
            .Concat(Read($"MessageResource.{language}.resx").Where(p => Resources.English.ContainsKey(p.Key)).Select(p => (p.Key, English: Resources.English[p.Key], Words: p.Value)));
        var broken = pairs.Where(p => Shape(p.English) != Shape(p.Words)).Select(p => $"{p.Key}: “{p.English}” → “{p.Words}”").ToList();
        Assert.True(broken.Count == 0, string.Join("\n", broken));
    }
}
