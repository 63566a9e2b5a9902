
namespace PowRegistry.Core.Notifications;

/// <summary>What the Central Tracing Agency (ICRC) must be told (GC III Art. 70 capture cards, Art. 122 later events).</summary>
public enum NotificationKind
{
    CaptureCard = 1,
    Transfer = 2,
    Hospitalisation = 3,
    Escape = 4,
    Release = 5,
    Repatriation = 6,
    TransferToThirdState = 7,
    Death = 8,
}
