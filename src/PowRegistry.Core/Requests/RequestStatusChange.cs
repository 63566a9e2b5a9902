using PowRegistry.Core.Common;

namespace PowRegistry.Core.Requests;

/// <summary>One dated, attributed change of a request's status.</summary>
public sealed class RequestStatusChange
{
    private RequestStatusChange() { }

    internal RequestStatusChange(RequestStatus? from, RequestStatus to, string? note, Actor actor, DateTimeOffset now)
    {
        From = from;
        To = to;
        Note = note;
        ChangedBy = actor.UserId;
        ChangedAt = now;
    }

    public int Id { get; private set; }
    public int RequestId { get; private set; }
    public RequestStatus? From { get; private set; }
    public RequestStatus To { get; private set; }
    public string? Note { get; private set; }
    public string ChangedBy { get; private set; } = "";
    public DateTimeOffset ChangedAt { get; private set; }

    internal void Anonymise() => Note = null;
}
