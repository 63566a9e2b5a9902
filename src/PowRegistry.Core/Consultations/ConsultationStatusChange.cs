using PowRegistry.Core.Common;

namespace PowRegistry.Core.Consultations;

public sealed class ConsultationStatusChange
{
    private ConsultationStatusChange() { }

    internal ConsultationStatusChange(ConsultationStatus? from, ConsultationStatus to, Actor actor, DateTimeOffset now)
    {
        From = from;
        To = to;
        ChangedBy = actor.UserId;
        ChangedAt = now;
    }

    public int Id { get; private set; }
    public int ConsultationId { get; private set; }
    public ConsultationStatus? From { get; private set; }
    public ConsultationStatus To { get; private set; }
    public string ChangedBy { get; private set; } = "";
    public DateTimeOffset ChangedAt { get; private set; }
}
