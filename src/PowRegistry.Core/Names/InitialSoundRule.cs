namespace PowRegistry.Core.Names;

/// <summary>
/// The initial-sound rule (두음법칙). South Korean spelling drops or changes an initial ㄹ or ㄴ at the start of a
/// word (and of each part of a name: the surname and the given name): ㄹ and ㄴ before ㅣ or a y-vowel become silent
/// (리→이, 녀→여, 류→유, 룡→용), ㄹ before other vowels becomes ㄴ (로→노, 라→나, 뢰→뇌). North Korean spelling keeps them.
/// The rule is applied to the jamo, so it covers every syllable (with any final), not a list of examples.
/// </summary>
internal static class InitialSoundRule
{
    /// <summary>The South Korean spelling of a syllable that starts a word: 리→이, 로→노, 녀→여; anything else unchanged.</summary>
    public static char ToSouth(char syllable)
    {
        if (!HangulSyllable.IsSyllable(syllable)) return syllable;
        var s = HangulSyllable.Of(syllable);
        var iotated = Jamo.IsIotated(s.Medial);
        return s.Initial switch
        {
            Jamo.R => (s with { Initial = iotated ? Jamo.Silent : Jamo.N }).ToChar(),
            Jamo.N when iotated => (s with { Initial = Jamo.Silent }).ToChar(),
            _ => syllable,
        };
    }

    /// <summary>
    /// Every spelling a word-initial syllable may have in either Korea: itself, its South Korean form, and the North
    /// Korean forms that the South Korean form may stand for (이 → 이, 리, 니; 노 → 노, 로; 리 → 리, 이, 니).
    /// </summary>
    public static IReadOnlyList<char> BothWays(char syllable)
    {
        var forms = new List<char> { syllable };
        if (!HangulSyllable.IsSyllable(syllable)) return forms;
        var south = ToSouth(syllable);
        Add(south);
        var s = HangulSyllable.Of(south);
        if (s.Initial == Jamo.Silent && Jamo.IsIotated(s.Medial))
        {
            Add((s with { Initial = Jamo.R }).ToChar());
            Add((s with { Initial = Jamo.N }).ToChar());
        }
        else if (s.Initial == Jamo.N && !Jamo.IsIotated(s.Medial))
        {
            Add((s with { Initial = Jamo.R }).ToChar());
        }
        return forms;

        void Add(char form)
        {
            if (!forms.Contains(form)) forms.Add(form);
        }
    }
}
