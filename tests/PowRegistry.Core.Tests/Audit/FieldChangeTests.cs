using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

using PowRegistry.Core.Audit;

namespace PowRegistry.Core.Tests.Audit;

/// <summary>
/// An entry's seal covers its <c>Changes</c> text, so the JSON written must stay byte for byte what JsonSerializer
/// wrote for a list of <see cref="FieldChange"/> with the trail's encoder (names in their own script, HTML escaped).
/// </summary>
public sealed class FieldChangeTests
{
    private static readonly JsonSerializerOptions Serializer = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public static TheoryData<string?> Values() =>
    [
        null, "", "Ri Yong Chol", "리영철", "Ли Ён Чхоль", "Рі Йон Чхоль", "Ri Yŏng-ch'ŏl", "O'Brien \"Ko\" <b>&amp;</b>",
        "back\\slash / tab\t newline\n cr\r nul\0 bell\u0007", "2026-12-01T10:00:00.0000000+00:00", "emoji 😀 and 𠀀",
        "lone \ud800 surrogate", "+=-@ formula", "\u2028\u2029 separators", new string('김', 300),
    ];

    [Theory]
    [MemberData(nameof(Values))]
    public void ToJson_WritesWhatTheSerializerWrote(string? value)
    {
        FieldChange[] changes = [new("FamilyName", null, value), new("Notes", value, null), new("Rank", value, value + "x"), new("Empty", null, null)];
        Assert.Equal(JsonSerializer.Serialize(changes, Serializer), FieldChange.ToJson(changes));
    }

    [Fact]
    public void ToJson_OfNoChanges_IsAnEmptyList()
    {
        Assert.Equal("[]", FieldChange.ToJson([]));
        Assert.Equal(JsonSerializer.Serialize(Array.Empty<FieldChange>(), Serializer), FieldChange.ToJson([]));
    }

    [Fact]
    public void ToJson_OneAfterAnother_DoesNotCarryTheLastOneOver()
    {
        var first = FieldChange.ToJson([new("A", null, new string('x', 10_000))]);
        var second = FieldChange.ToJson([new("B", null, "y")]);
        Assert.Equal("""[{"Field":"B","Old":null,"New":"y"}]""", second);
        Assert.NotEqual(first, second);
    }
}
