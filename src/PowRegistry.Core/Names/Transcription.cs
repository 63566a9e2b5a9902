namespace PowRegistry.Core.Names;

/// <summary>The ways Hangul is written out in other scripts.</summary>
public enum Transcription
{
    /// <summary>South Korea's Revised Romanization (2000): Gim, Jeong, Seoul, Busan.</summary>
    RevisedRomanization,

    /// <summary>McCune–Reischauer (1939), with its breves and apostrophes: Kim, Chŏng, Sŏul, Pusan, P'yŏngyang.</summary>
    McCuneReischauer,

    /// <summary>
    /// North Korea's 1992 system (from MR: ㅈ j, ㅊ ch, ㅋ kh, ㅌ th, ㅍ ph), written without breves as the North does
    /// in practice (KCNA): Ri Yong Chol, Kim Jong Un, Nampho.
    /// </summary>
    NorthKorean,

    /// <summary>The Kontsevich system for Russian Cyrillic: Ким, Пак, Соуль, Пхёнъян.</summary>
    Kontsevich,

    /// <summary>The Kontsevich system as adapted to Ukrainian (і for ㅣ, и for ㅡ, йо/ьо for ㅕ ㅛ, an apostrophe for ъ): Кім, Рі.</summary>
    KontsevichUkrainian,
}
