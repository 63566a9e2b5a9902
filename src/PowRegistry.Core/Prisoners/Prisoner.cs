using PowRegistry.Core.Common;
using PowRegistry.Core.Notifications;

namespace PowRegistry.Core.Prisoners;

/// <summary>
/// A prisoner of war on the register: GC III Art. 17 identity (with how each item was obtained),
/// the Art. 122 information-bureau details, aliases, identity documents and a custody timeline.
/// </summary>
public sealed partial class Prisoner
{
    private readonly List<PrisonerAlias> _aliases = [];
    private readonly List<IdentityDocument> _documents = [];
    private readonly List<CustodyEvent> _custodyEvents = [];
    private readonly List<Notification> _notifications = [];

    private Prisoner() { }

    public int Id { get; private set; }

    /// <summary>The desk that owns the record: only its officers (and administrators, auditors) see it.</summary>
    public int DeskId { get; private set; }

    /// <summary>Internal reference shown everywhere, e.g. POW-2025-000123. Assigned once the record has an id.</summary>
    public string Reference { get; private set; } = "";

    // GC III Art. 17 identity
    public string? FamilyName { get; private set; }
    public Art17Item FamilyNameInfo { get; private set; } = Art17Item.NotRecorded;
    public string? GivenNames { get; private set; }
    public Art17Item GivenNamesInfo { get; private set; } = Art17Item.NotRecorded;
    public string? Rank { get; private set; }
    public Art17Item RankInfo { get; private set; } = Art17Item.NotRecorded;
    public string? ServiceNumber { get; private set; }
    public Art17Item ServiceNumberInfo { get; private set; } = Art17Item.NotRecorded;
    public PartialDate? DateOfBirth { get; private set; }
    public Art17Item DateOfBirthInfo { get; private set; } = Art17Item.NotRecorded;

    // GC III Art. 122 and capture
    public string? PlaceOfBirth { get; private set; }
    public string? NationalityCode { get; private set; }
    public string? PowerDependedOnCode { get; private set; }
    public string? Unit { get; private set; }
    public DateOnly? DateOfCapture { get; private set; }
    public string? PlaceOfCapture { get; private set; }
    public string? DetainingPowerCode { get; private set; }
    public string? PlaceOfInternment { get; private set; }
    public HealthStatus HealthStatus { get; private set; }
    public string? Languages { get; private set; }
    public bool InterpreterNeeded { get; private set; }
    public string? FatherFirstName { get; private set; }
    public string? MotherMaidenName { get; private set; }
    public string? PersonToBeInformed { get; private set; }
    public string? AddressForCorrespondence { get; private set; }
    public string? Notes { get; private set; }

    /// <summary>Derived from the custody timeline; stored so that the register can filter on it with an index.</summary>
    public CustodyStatus CustodyStatus { get; private set; }

    /// <summary>Sort keys for the register (keyset paging needs non-null, indexed values).</summary>
    public string SortName { get; private set; } = "";
    public string CaptureSortKey { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTimeOffset UpdatedAt { get; private set; }
    public string UpdatedBy { get; private set; } = "";

    /// <summary>The current wish (latest statement not withdrawn), copied here so the register can filter and show it.</summary>
    public Wishes.WishDestination? CurrentWish { get; private set; }
    public string? CurrentWishStateCode { get; private set; }
    public Wishes.WishVerification? CurrentWishVerification { get; private set; }
    public int? CurrentWishCertainty { get; private set; }

    /// <summary>Set when an administrator merged this record into another (the same man registered twice): it is then hidden everywhere.</summary>
    public int? MergedIntoId { get; private set; }

    /// <summary>Optimistic concurrency: every change increments it; a save made from an older version is refused.</summary>
    public int Version { get; private set; }

    public IReadOnlyList<PrisonerAlias> Aliases => _aliases;
    public IReadOnlyList<IdentityDocument> Documents => _documents;
    public IReadOnlyList<CustodyEvent> CustodyEvents => _custodyEvents;

    /// <summary>What the Central Tracing Agency must be told about his custody events (GC III Arts. 70, 122), sent or not.</summary>
    public IReadOnlyList<Notification> Notifications => _notifications;

    /// <summary>The name a person reads in lists: family name, given names, or the first alias when both are unknown.</summary>
    public string DisplayName =>
        string.Join(' ', new[] { FamilyName, GivenNames }.Where(n => !string.IsNullOrEmpty(n))) is { Length: > 0 } name
            ? name
            : _aliases.FirstOrDefault()?.Name ?? "(name unknown)";

    /// <summary>A new record; <paramref name="initialAlias"/> is a first alias, for a man whose real name is not known.</summary>
    public static Prisoner Register(PrisonerDetails details, string? initialAlias, InformationSource initialAliasSource, int deskId, Actor actor, DateTimeOffset now, NotificationOptions deadlines)
    {
        var prisoner = new Prisoner { CreatedAt = now, CreatedBy = actor.UserId, DeskId = deskId };
        prisoner.Apply(details, actor, now);
        if (Text.Clean(initialAlias) is { } alias)
        {
            prisoner._aliases.Add(new PrisonerAlias(alias, initialAliasSource, Confidence.NotAssessed, null));
        }
        if (prisoner.DateOfCapture is { } captured)
        {
            var capture = new CustodyEvent(CustodyEventKind.Captured, captured, prisoner.PlaceOfCapture, null, actor, now);
            prisoner._custodyEvents.Add(capture);
            prisoner.Notify(capture, deadlines, actor, now);
        }
        prisoner.RecomputeCustodyStatus();
        prisoner.Version = 1;
        return prisoner;
    }

    /// <summary>Called once the database has given the record its id.</summary>
    public void AssignReference()
    {
        if (Reference.Length > 0) return;
        Reference = $"POW-{CreatedAt.Year:D4}-{Id:D6}";
    }

    /// <summary>
    /// A batch registration reserves the ids of a whole chunk under the write lock (<see cref="BatchRegistrationService"/>),
    /// so the record knows its id, and hence its reference, before its insert: one save per chunk, not per record.
    /// </summary>
    internal void TakeReservedId(int id)
    {
        if (Id != 0) throw new InvalidOperationException("The record has an id already.");
        Id = id;
        AssignReference();
    }

    /// <summary>Administrators move a record to another desk.</summary>
    public void MoveToDesk(int deskId, Actor actor, DateTimeOffset now)
    {
        if (deskId == DeskId) return;
        DeskId = deskId;
        Touch(actor, now);
    }

    /// <summary>Changes the record. A date of capture entered for the first time owes the capture card (load <see cref="Notifications"/>).</summary>
    public void Update(PrisonerDetails details, Actor actor, DateTimeOffset now, NotificationOptions deadlines)
    {
        var hadDateOfCapture = DateOfCapture is not null;
        Apply(details, actor, now);
        if (!hadDateOfCapture && DateOfCapture is not null && !_notifications.Any(n => n.Kind == NotificationKind.CaptureCard))
        {
            OweCaptureCard(deadlines, actor, now);
        }
        Touch(actor, now);
    }

    public PrisonerAlias AddAlias(string name, InformationSource source, Confidence confidence, string? notes, Actor actor, DateTimeOffset now)
    {
        var alias = new PrisonerAlias(name, source, confidence, notes);
        _aliases.Add(alias);
        UpdateSortKeys();
        Touch(actor, now);
        return alias;
    }

    /// <summary>Removes an alias unless it is the only name the record has.</summary>
    public bool RemoveAlias(int aliasId, Actor actor, DateTimeOffset now)
    {
        var alias = _aliases.FirstOrDefault(a => a.Id == aliasId);
        if (alias is null) return false;
        if (FamilyName is null && _aliases.Count == 1) return false;
        _aliases.Remove(alias);
        UpdateSortKeys();
        Touch(actor, now);
        return true;
    }

    public IdentityDocument AddDocument(string documentType, string? number, string? issuer, string? nameShown, DocumentAuthenticity authenticity, string? notes, Actor actor, DateTimeOffset now)
    {
        var document = new IdentityDocument(
            Text.Clean(documentType)!, Text.Clean(number), Text.Clean(issuer),
            Text.Clean(nameShown), authenticity, Text.Clean(notes, multiline: true));
        _documents.Add(document);
        Touch(actor, now);
        return document;
    }

    /// <summary>
    /// Adds an event to the timeline, and in the same change the notification it calls for (with its deadline).
    /// "ICRC notified (capture card sent)" satisfies the open capture cards of captures on or before its date:
    /// load <see cref="Notifications"/> with the record for that to happen.
    /// </summary>
    public CustodyEvent AddCustodyEvent(CustodyEventKind kind, DateOnly date, string? place, string? details, Actor actor, DateTimeOffset now, NotificationOptions deadlines) =>
        Add(new CustodyEvent(kind, date, Text.Clean(place), Text.Clean(details, multiline: true), actor, now), actor, now, deadlines);

    /// <summary>The custody event of a handover carried out under a request (repatriated or transferred to a third state), dated with the handover.</summary>
    internal CustodyEvent RecordHandover(CustodyEventKind kind, DateOnly date, string place, int requestId, Actor actor, DateTimeOffset now, NotificationOptions deadlines) =>
        Add(new CustodyEvent(kind, date, place, null, actor, now, requestId), actor, now, deadlines);

    private CustodyEvent Add(CustodyEvent custodyEvent, Actor actor, DateTimeOffset now, NotificationOptions deadlines)
    {
        _custodyEvents.Add(custodyEvent);
        Notify(custodyEvent, deadlines, actor, now);
        if (custodyEvent.Kind == CustodyEventKind.IcrcNotified)
        {
            foreach (var card in _notifications.Where(n => n.IsOpen && n.Kind == NotificationKind.CaptureCard && n.EventDate <= custodyEvent.Date))
            {
                card.MarkSent(custodyEvent.Date, NotificationChannel.CustodyEvent, null, actor, now);
            }
        }
        RecomputeCustodyStatus();
        Touch(actor, now);
        return custodyEvent;
    }

    /// <summary>
    /// Takes over a duplicate record of the same man: his aliases, documents and custody events move here, and
    /// the names the duplicate was registered under become aliases. The duplicate is then marked as merged.
    /// </summary>
    public void Absorb(Prisoner duplicate, Actor actor, DateTimeOffset now)
    {
        if (duplicate.Id == Id) throw new InvalidOperationException("A record cannot be merged into itself.");
        var names = new[] { duplicate.DisplayName }
            .Where(n => duplicate.FamilyName is not null || duplicate.GivenNames is not null)
            .Where(n => !string.Equals(Text.Fold(n), Text.Fold(DisplayName), StringComparison.Ordinal));
        foreach (var name in names)
        {
            _aliases.Add(new PrisonerAlias(name, duplicate.FamilyNameInfo.Source, Confidence.NotAssessed, $"Name on merged record {duplicate.Reference}"));
        }
        foreach (var alias in duplicate._aliases.ToList()) { duplicate._aliases.Remove(alias); _aliases.Add(alias); }
        foreach (var document in duplicate._documents.ToList()) { duplicate._documents.Remove(document); _documents.Add(document); }
        foreach (var custodyEvent in duplicate._custodyEvents.ToList()) { duplicate._custodyEvents.Remove(custodyEvent); _custodyEvents.Add(custodyEvent); }
        foreach (var notification in duplicate._notifications.ToList()) { duplicate._notifications.Remove(notification); _notifications.Add(notification); }
        RecomputeCustodyStatus();
        UpdateSortKeys();
        Touch(actor, now);

        duplicate.MergedIntoId = Id;
        duplicate.ServiceNumber = null; // the survivor may carry it now; the number stays in the audit trail
        duplicate.RecomputeCustodyStatus();
        duplicate.Touch(actor, now);
    }

    private void Notify(CustodyEvent custodyEvent, NotificationOptions deadlines, Actor actor, DateTimeOffset now)
    {
        if (NotificationOptions.KindFor(custodyEvent.Kind) is not { } kind) return;
        _notifications.Add(new Notification(kind, custodyEvent, custodyEvent.Date, deadlines.DueOn(kind, custodyEvent.Date), actor, now));
    }

    /// <summary>
    /// The capture card owed for a record that has a date of capture but no capture-card notification (registered
    /// before notifications existed, or the date of capture entered later): made a stored notification when an officer marks it sent.
    /// </summary>
    internal Notification OweCaptureCard(NotificationOptions deadlines, Actor actor, DateTimeOffset now)
    {
        if (_notifications.FirstOrDefault(n => n.Kind == NotificationKind.CaptureCard && n.IsOpen) is { } open) return open;
        var captured = DateOfCapture ?? throw new InvalidOperationException("No date of capture: no capture card is owed.");
        var card = new Notification(NotificationKind.CaptureCard, null, captured, deadlines.DueOn(NotificationKind.CaptureCard, captured), actor, now);
        _notifications.Add(card);
        return card;
    }

    internal void SetCurrentWish(Wishes.WishDeclaration? current)
    {
        CurrentWish = current?.Destination;
        CurrentWishStateCode = current?.DestinationStateCode;
        CurrentWishVerification = current?.Verification;
        CurrentWishCertainty = current?.Certainty;
    }

    /// <summary>After a merge: the survivor takes the duplicate's service number when it had none.</summary>
    internal void TakeServiceNumber(string serviceNumber, Actor actor, DateTimeOffset now)
    {
        ServiceNumber = serviceNumber;
        Touch(actor, now);
    }

    /// <summary>The timeline, newest first; events on the same day keep the order they were recorded in.</summary>
    public IEnumerable<CustodyEvent> Timeline() =>
        _custodyEvents.OrderByDescending(e => e.Date).ThenByDescending(e => e.RecordedAt).ThenByDescending(e => e.Id);

    private void RecomputeCustodyStatus()
    {
        var latest = _custodyEvents
            .Where(e => StatusAfter(e.Kind) is not null)
            .OrderBy(e => e.Date).ThenBy(e => e.RecordedAt).ThenBy(e => e.Id)
            .LastOrDefault();
        CustodyStatus = latest is null ? CustodyStatus.Unknown : StatusAfter(latest.Kind)!.Value;
    }

    /// <summary>The status an event leaves the prisoner in; null for events that do not move him (ICRC notified).</summary>
    public static CustodyStatus? StatusAfter(CustodyEventKind kind) => kind switch
    {
        CustodyEventKind.Captured or CustodyEventKind.Registered or CustodyEventKind.Transferred
            or CustodyEventKind.Discharged => CustodyStatus.InCustody,
        CustodyEventKind.Hospitalised => CustodyStatus.Hospitalised,
        CustodyEventKind.Escaped => CustodyStatus.Escaped,
        CustodyEventKind.Released => CustodyStatus.Released,
        CustodyEventKind.Repatriated => CustodyStatus.Repatriated,
        CustodyEventKind.TransferredToThirdState => CustodyStatus.TransferredToThirdState,
        CustodyEventKind.Died => CustodyStatus.Deceased,
        _ => null,
    };

    private void Apply(PrisonerDetails input, Actor actor, DateTimeOffset now)
    {
        FamilyName = Text.Clean(input.FamilyName);
        FamilyNameInfo = input.FamilyNameInfo;
        GivenNames = Text.Clean(input.GivenNames);
        GivenNamesInfo = input.GivenNamesInfo;
        Rank = Text.Clean(input.Rank);
        RankInfo = input.RankInfo;
        ServiceNumber = Text.Clean(input.ServiceNumber);
        ServiceNumberInfo = input.ServiceNumberInfo;
        DateOfBirth = input.DateOfBirth;
        DateOfBirthInfo = input.DateOfBirthInfo;

        PlaceOfBirth = Text.Clean(input.PlaceOfBirth);
        NationalityCode = Text.Clean(input.Nationality)?.ToUpperInvariant();
        PowerDependedOnCode = Text.Clean(input.PowerDependedOn)?.ToUpperInvariant();
        Unit = Text.Clean(input.Unit);
        DateOfCapture = input.DateOfCapture;
        PlaceOfCapture = Text.Clean(input.PlaceOfCapture);
        DetainingPowerCode = Text.Clean(input.DetainingPower)?.ToUpperInvariant();
        PlaceOfInternment = Text.Clean(input.PlaceOfInternment);
        HealthStatus = input.HealthStatus;
        Languages = Text.Clean(input.Languages);
        InterpreterNeeded = input.InterpreterNeeded;
        FatherFirstName = Text.Clean(input.FatherFirstName);
        MotherMaidenName = Text.Clean(input.MotherMaidenName);
        PersonToBeInformed = Text.Clean(input.PersonToBeInformed, multiline: true);
        AddressForCorrespondence = Text.Clean(input.AddressForCorrespondence, multiline: true);
        Notes = Text.Clean(input.Notes, multiline: true);
        UpdateSortKeys();
        UpdatedAt = now;
        UpdatedBy = actor.UserId;
    }

    private void UpdateSortKeys()
    {
        SortName = Text.Fold(DisplayName);
        CaptureSortKey = DateOfCapture?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "";
    }

    private void Touch(Actor actor, DateTimeOffset now)
    {
        UpdatedAt = now;
        UpdatedBy = actor.UserId;
        Version++;
    }

    /// <summary>The values of the record itself that <see cref="SearchTerms"/> reads (a merged record has none): a change to one renews his terms.</summary>
    internal static readonly string[] SearchedFields = [nameof(FamilyName), nameof(GivenNames), nameof(ServiceNumber), nameof(Reference), nameof(MergedIntoId)];

    /// <summary>
    /// What a search can find him by: the words of every name, alias, the service number and the reference, and the
    /// phonetic keys of every name (so 리영철, Ri Yong Chol and Ли Ён Чхоль find each other).
    /// </summary>
    public IEnumerable<(SearchTermKind Kind, string Term)> SearchTerms()
    {
        var words = SearchText.Terms(
            new[] { FamilyName, GivenNames, ServiceNumber }
                .Concat(_aliases.Select(a => a.Name))
                .Concat(_documents.Select(d => d.NameShown)))
            // The reference whole and its number, not its parts: "pow" and the year would match every record.
            .Concat(Reference.Length == 0 ? [] : [Text.Fold(Reference), Reference[(Reference.LastIndexOf('-') + 1)..]])
            .Distinct();
        var keys = new HashSet<string>(Names.NameKeys.For(FamilyName, GivenNames), StringComparer.Ordinal);
        foreach (var name in _aliases.Select(a => a.Name).Concat(_documents.Select(d => d.NameShown)))
        {
            keys.UnionWith(Names.NameKeys.For(name));
        }
        return words.Select(w => (SearchTermKind.Word, w))
            .Concat(keys.Where(k => k.Length <= PrisonerSearchTerm.MaxLength).Select(k => (SearchTermKind.NameKey, k)));
    }
}
