using PowRegistry.Core.Common;

namespace PowRegistry.Core.Wishes;

/// <summary>
/// One statement of what the prisoner wants, as taken in one interview. Append-only: a new statement never changes
/// an old one, and a mistaken entry is withdrawn with a reason (it stays visible as withdrawn), never edited or deleted.
/// </summary>
public sealed class WishDeclaration
{
    private WishDeclaration() { }

    internal WishDeclaration(int prisonerId, WishInput input, DateOnly takenOn, Actor actor, DateTimeOffset now)
    {
        PrisonerId = prisonerId;
        TakenOn = takenOn;
        Place = Text.Clean(input.Place);
        Interviewer = Text.Clean(input.Interviewer)!;
        Organisation = input.Organisation!.Value;
        Language = Text.Clean(input.Language);
        Interpreter = Text.Clean(input.Interpreter);
        PrivateInterview = input.PrivateInterview;
        Destination = input.Destination!.Value;
        DestinationStateCode = Destination == WishDestination.TransferToThirdState ? Text.Clean(input.DestinationState)?.ToUpperInvariant() : null;
        Certainty = input.Certainty;
        Reasons = Text.Clean(input.Reasons, multiline: true);
        FearsPersecution = input.FearsPersecution;
        Fears = Text.Clean(input.Fears, multiline: true);
        SignsOfPressure = Text.Clean(input.SignsOfPressure, multiline: true);
        VerbatimWords = Text.Clean(input.VerbatimWords, multiline: true);
        Translation = Text.Clean(input.Translation, multiline: true);
        Verification = input.Verification;
        RecordedBy = actor.UserId;
        RecordedAt = now;
    }

    public int Id { get; private set; }
    public int PrisonerId { get; private set; }
    public DateOnly TakenOn { get; private set; }
    public string? Place { get; private set; }
    public string Interviewer { get; private set; } = "";
    public InterviewerOrganisation Organisation { get; private set; }
    public string? Language { get; private set; }
    public string? Interpreter { get; private set; }

    /// <summary>No detaining-power staff present (GC III Art. 126: interviews without witnesses).</summary>
    public bool PrivateInterview { get; private set; }
    public WishDestination Destination { get; private set; }

    /// <summary>ISO code of the named state, for a transfer to a third state.</summary>
    public string? DestinationStateCode { get; private set; }

    /// <summary>The prisoner's own certainty, 0–100 % ("made up my mind about 80 %"); null when not stated.</summary>
    public int? Certainty { get; private set; }

    // Sensitive (need-to-know): shown to the owning desk and administrators only.
    public string? Reasons { get; private set; }
    public bool FearsPersecution { get; private set; }
    public string? Fears { get; private set; }
    public string? SignsOfPressure { get; private set; }
    public string? VerbatimWords { get; private set; }
    public string? Translation { get; private set; }

    public WishVerification Verification { get; private set; }
    public string RecordedBy { get; private set; } = "";
    public DateTimeOffset RecordedAt { get; private set; }

    public bool IsWithdrawn { get; private set; }
    public string? WithdrawnReason { get; private set; }
    public string? WithdrawnBy { get; private set; }
    public DateTimeOffset? WithdrawnAt { get; private set; }

    /// <summary>
    /// A mistaken entry is withdrawn, not changed: it stays on the timeline, marked, with the reason. Refused (and
    /// nothing changed) when it is withdrawn already or no reason is given.
    /// </summary>
    /// <remarks>Each refusal is shown with the reason ("Reason"), withdrawn already included: the page and the API (400) always have.</remarks>
    public IReadOnlyList<Refusal> Withdraw(string? reason, Actor actor, DateTimeOffset now)
    {
        if (IsWithdrawn) return [Refusal.Invalid("Wish.Withdraw.AlreadyWithdrawn").On("Reason")];
        var why = Text.Clean(reason, multiline: true);
        if (why is null) return [Refusal.Invalid("Wish.Withdraw.ReasonRequired").On("Reason")];
        if (why.Length > Prisoners.Limits.LongText) return [Refusal.Invalid("Common.TooLong", Prisoners.Limits.LongText).On("Reason")];
        IsWithdrawn = true;
        WithdrawnReason = why;
        WithdrawnBy = actor.UserId;
        WithdrawnAt = now;
        return [];
    }

    /// <summary>Retention: his words and what he said of his reasons and fears go; destination, certainty and verification stay.</summary>
    internal void Anonymise()
    {
        Place = Retention.Places.Region(Place);
        Reasons = null;
        Fears = null;
        SignsOfPressure = null;
        VerbatimWords = null;
        Translation = null;
        WithdrawnReason = null;
    }

    /// <summary>A merge moves the duplicate record's statements to the surviving record, unchanged.</summary>
    internal void MoveTo(int prisonerId) => PrisonerId = prisonerId;

    /// <summary>Newest statement first: by interview date, then by when it was recorded.</summary>
    public static IOrderedEnumerable<WishDeclaration> Timeline(IEnumerable<WishDeclaration> wishes) =>
        // A statement not saved yet has id 0 but is the newest of its instant.
        wishes.OrderByDescending(w => w.TakenOn).ThenByDescending(w => w.RecordedAt).ThenByDescending(w => w.Id == 0 ? int.MaxValue : w.Id);

    /// <summary>The current wish: the latest statement that is not withdrawn.</summary>
    public static WishDeclaration? Current(IEnumerable<WishDeclaration> wishes) => Timeline(wishes).FirstOrDefault(w => !w.IsWithdrawn);
}
