using PowRegistry.Core.Common;

namespace PowRegistry.Core.Prisoners;

/// <summary>One dated entry of the custody timeline (GC III Art. 122: transfers, hospital, escapes, releases, repatriations, deaths).</summary>
public sealed class CustodyEvent
{
    private CustodyEvent() { }

    internal CustodyEvent(CustodyEventKind kind, DateOnly date, string? place, string? details, Actor actor, DateTimeOffset now, int? requestId = null)
    {
        RequestId = requestId;
        Kind = kind;
        Date = date;
        Place = place;
        Details = details;
        RecordedBy = actor.UserId;
        RecordedAt = now;
    }

    public int Id { get; private set; }
    public int PrisonerId { get; private set; }
    public CustodyEventKind Kind { get; private set; }
    public DateOnly Date { get; private set; }
    public string? Place { get; private set; }
    public string? Details { get; private set; }
    public string RecordedBy { get; private set; } = "";
    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>The request whose completed handover this event records; null for an event recorded by hand.</summary>
    public int? RequestId { get; private set; }

    /// <summary>Retention: the details go, the place is narrowed to its region; kind and date stay.</summary>
    internal void Anonymise()
    {
        Place = Retention.Places.Region(Place);
        Details = null;
    }

    /// <summary>Kinds that say he left the detaining power's hands for another state: recorded by completing a request.</summary>
    public static bool IsHandoverKind(CustodyEventKind? kind) => kind is CustodyEventKind.Repatriated or CustodyEventKind.TransferredToThirdState;
}
