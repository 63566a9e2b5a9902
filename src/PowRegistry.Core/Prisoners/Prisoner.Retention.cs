using PowRegistry.Core.Common;

namespace PowRegistry.Core.Prisoners;

/// <summary>Retention (ADR-024): legal hold, the two sign-offs of an early anonymisation, and anonymisation itself.</summary>
public sealed partial class Prisoner
{
    /// <summary>When his record was anonymised; null while it is kept in full.</summary>
    public DateTimeOffset? AnonymisedAt { get; private set; }

    /// <summary>An administrator's legal hold: while set, the record is never anonymised.</summary>
    public string? LegalHoldReason { get; private set; }
    public string? LegalHoldBy { get; private set; }
    public DateTimeOffset? LegalHoldAt { get; private set; }

    /// <summary>The first administrator's sign-off towards anonymising him before his time (a second one, different, completes it).</summary>
    public string? EarlyAnonymisationBy { get; private set; }
    public string? EarlyAnonymisationReason { get; private set; }
    public DateTimeOffset? EarlyAnonymisationAt { get; private set; }

    public bool IsAnonymised => AnonymisedAt is not null;
    public bool IsOnLegalHold => LegalHoldReason is not null;

    /// <summary>The custody statuses after which his record is closed: he has left the detaining power's hands for good.</summary>
    public static readonly CustodyStatus[] ClosedStatuses =
        [CustodyStatus.Released, CustodyStatus.Repatriated, CustodyStatus.TransferredToThirdState, CustodyStatus.Deceased];

    /// <summary>The custody event kinds that close a record (those that leave him in a closed status).</summary>
    public static readonly CustodyEventKind[] ClosingKinds =
        [CustodyEventKind.Released, CustodyEventKind.Repatriated, CustodyEventKind.TransferredToThirdState, CustodyEventKind.Died];

    public IReadOnlyList<Refusal> PlaceLegalHold(string? reason, Actor administrator, DateTimeOffset now)
    {
        var why = Text.Clean(reason, multiline: true);
        if (why is null) return [Refusal.Invalid("Retention.Hold.ReasonRequired").On("Reason")];
        if (why.Length > Limits.LongText) return [Refusal.Invalid("Common.TooLong", Limits.LongText).On("Reason")];
        if (IsAnonymised) return [Refusal.Conflict("Retention.AlreadyAnonymised")];
        (LegalHoldReason, LegalHoldBy, LegalHoldAt) = (why, administrator.UserId, now);
        Touch(administrator, now);
        return [];
    }

    public IReadOnlyList<Refusal> LiftLegalHold(Actor administrator, DateTimeOffset now)
    {
        if (!IsOnLegalHold) return [Refusal.Conflict("Retention.Hold.NotHeld")];
        (LegalHoldReason, LegalHoldBy, LegalHoldAt) = (null, null, null);
        Touch(administrator, now);
        return [];
    }

    /// <summary>
    /// One administrator's sign-off towards anonymising him now, on request; like the non-refoulement lift, two different
    /// administrators, each with a reason. Returns whether this was the second (the caller then anonymises).
    /// </summary>
    public (IReadOnlyList<Refusal> Refusals, bool Complete) SignOffEarlyAnonymisation(string? reason, Actor administrator, DateTimeOffset now)
    {
        if (IsAnonymised) return ([Refusal.Conflict("Retention.AlreadyAnonymised")], false);
        if (IsOnLegalHold) return ([Refusal.Conflict("Retention.Early.Held")], false);
        if (administrator.UserId == EarlyAnonymisationBy) return ([Refusal.Invalid("Retention.Early.SecondAdministrator").On("Reason")], false);
        var why = Text.Clean(reason, multiline: true);
        if (why is null) return ([Refusal.Invalid("Retention.Early.ReasonRequired").On("Reason")], false);
        if (why.Length > Limits.LongText) return ([Refusal.Invalid("Common.TooLong", Limits.LongText).On("Reason")], false);
        if (EarlyAnonymisationBy is null)
        {
            (EarlyAnonymisationBy, EarlyAnonymisationReason, EarlyAnonymisationAt) = (administrator.UserId, why, now);
            Touch(administrator, now);
            return ([], false);
        }
        return ([], true);
    }

    /// <summary>
    /// Removes what identifies him from the record itself and its parts (load aliases, documents and custody events):
    /// names, numbers, family and correspondence, free text; the date of birth cut to its year; places narrowed to
    /// their region. Keeps what statistics and history need (reference, nationality, custody kinds and dates).
    /// </summary>
    internal void Anonymise(Actor actor, DateTimeOffset now)
    {
        if (IsOnLegalHold) throw new InvalidOperationException("A record on legal hold is not anonymised.");
        FamilyName = null;
        GivenNames = null;
        ServiceNumber = null;
        Unit = null;
        DateOfBirth = DateOfBirth is null ? null : PartialDate.Parse(DateOfBirth.Year.ToString("D4", System.Globalization.CultureInfo.InvariantCulture));
        PlaceOfBirth = Retention.Places.Region(PlaceOfBirth);
        PlaceOfCapture = Retention.Places.Region(PlaceOfCapture);
        PlaceOfInternment = Retention.Places.Region(PlaceOfInternment);
        FatherFirstName = null;
        MotherMaidenName = null;
        PersonToBeInformed = null;
        AddressForCorrespondence = null;
        Notes = null;
        _aliases.Clear();
        _documents.Clear();
        foreach (var custodyEvent in _custodyEvents) custodyEvent.Anonymise();
        AnonymisedAt = now;
        UpdateSortKeys();
        Touch(actor, now);
    }
}
