using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.RegularExpressions;

using PowRegistry.Core.Common;
using PowRegistry.Web.Infrastructure;

namespace PowRegistry.Web.Tests.Localization;

/// <summary>
/// Core speaks in keys; the words live in Web's resources. These tests read Core's sources and types: every key Core
/// uses has English words, every label has a key, and no English sentence is left in Core for a user to read.
/// </summary>
public sealed partial class MessageKeysTests
{
    // A key: dotted PascalCase parts, e.g. "Request.Move.NotAllowed" or "WishDestination.ReturnToOrigin".
    [GeneratedRegex(@"^[A-Z][A-Za-z0-9]*(\.[A-Z][A-Za-z0-9]*)+$")]
    private static partial Regex KeyShape();

    // Where Core names a message: Refusal.Invalid("…"), new Message("…"), .Refuse("…"), Failure(field, "…"), Forbidden("…")…
    [GeneratedRegex(@"(?:Refusal\.(?:Invalid|NotFound|Forbidden|Conflict)|new Message|\.Refuse|\.Forbidden|Failure\([^""()]*,)\(?\s*""([^""]+)""")]
    private static partial Regex KeyUse();

    [GeneratedRegex(@"\$?""((?:[^""\\]|\\.)*)""")]
    private static partial Regex StringLiteral();

    [Fact]
    public void EveryKeyCoreUses_HasEnglishWords()
    {
        var missing = Resources.CoreSources()
            .SelectMany(file => KeyUse().Matches(File.ReadAllText(file)).Select(m => (File: Resources.Relative(file), Key: m.Groups[1].Value)))
            .Where(use => KeyShape().IsMatch(use.Key) && !Resources.English.ContainsKey(use.Key))
            .Select(use => $"{use.File}: {use.Key}")
            .ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public void EveryLabelInCore_IsAKeyWithEnglishWords()
    {
        var core = typeof(Message).Assembly;
        var missing = new List<string>();
        foreach (var type in core.GetTypes())
        {
            foreach (var property in type.GetProperties())
            {
                if (property.GetCustomAttribute<DisplayAttribute>()?.Name is { } name && !Resources.English.ContainsKey(name)) missing.Add($"{type.Name}.{property.Name}: {name}");
            }
            if (!type.IsEnum || !UserFacing(type)) continue;
            foreach (Enum value in Enum.GetValues(type))
            {
                if (!Resources.English.ContainsKey(MessageText.LabelKey(value))) missing.Add(MessageText.LabelKey(value));
                if (type.GetField(value.ToString())!.GetCustomAttribute<DisplayAttribute>() is not null) missing.Add($"{MessageText.LabelKey(value)} still has English in a [Display]");
            }
        }
        Assert.Empty(missing);
    }

    /// <summary>
    /// No English sentence in Core: a string literal of three or more words starting with a capital is text a user
    /// would read, and belongs in the resources. Developer-facing texts are exempt: exceptions that mean a bug,
    /// log templates, comments, and data tables (names, countries, demo records).
    /// </summary>
    [Fact]
    public void Core_HoldsNoEnglishSentence()
    {
        var found = new List<string>();
        foreach (var file in Resources.CoreSources())
        {
            var relative = Resources.Relative(file);
            if (ExemptFolders.Any(relative.Contains)) continue;
            var number = 0;
            foreach (var line in File.ReadLines(file))
            {
                number++;
                var code = line.Trim();
                if (code.StartsWith("//", StringComparison.Ordinal) || code.StartsWith('[') || code.Contains("throw new", StringComparison.Ordinal) || LogCall().IsMatch(code)) continue;
                foreach (Match literal in StringLiteral().Matches(code))
                {
                    if (LooksLikeASentence(literal.Groups[1].Value) && !NotUserText.Contains(literal.Groups[1].Value)) found.Add($"{relative}:{number}: {literal.Value}");
                }
            }
        }
        Assert.Empty(found);
    }

    [Fact]
    public void TheSentenceCheck_CatchesASentence_AndLetsAKeyThrough()
    {
        Assert.True(LooksLikeASentence("Choose the user the token acts for."));
        Assert.True(LooksLikeASentence("Keep this under {0} characters."));
        Assert.False(LooksLikeASentence("Request.Move.NotAllowed"));
        Assert.False(LooksLikeASentence("SELECT Id FROM Prisoners"));
        Assert.False(LooksLikeASentence("SELECT name AS Value FROM sqlite_master WHERE type = 'index' and more words"));
    }

    private static bool LooksLikeASentence(string text)
    {
        if (SqlStatement().IsMatch(text)) return false; // SQL, which no user reads
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length >= 3 && char.IsUpper(text[0]) && words.Count(w => w.All(char.IsLower)) >= 2;
    }

    [GeneratedRegex(@"^(SELECT|INSERT|UPDATE|DELETE|CREATE|DROP|ALTER|ANALYZE|PRAGMA|WITH)\b")]
    private static partial Regex SqlStatement();

    [GeneratedRegex(@"\.Log(Trace|Debug|Information|Warning|Error|Critical)\(|LoggerMessage")]
    private static partial Regex LogCall();

    /// <summary>Literals that look like sentences but no user reads: each with why.</summary>
    private static readonly HashSet<string> NotUserText = new(StringComparer.Ordinal)
    {
        "PowRegistry share pseudonyms v1", // the key-derivation label of share pseudonyms (PseudonymKey): changing it changes every pseudonym
        "Name on merged record {duplicate.Reference}", // stored as the note of the alias a merge adds (data written once, like a typed note); known: it stays in the language it was written in
    };

    private static readonly string[] ExemptFolders = ["/Names/", "/Countries/", "/Demo/"];

    /// <summary>Enums a user sees (labels on pages): those with any label in the resources.</summary>
    private static bool UserFacing(Type type) => Enum.GetNames(type).Any(n => Resources.English.ContainsKey($"{type.Name}.{n}"));
}
