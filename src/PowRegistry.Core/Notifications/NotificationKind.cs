using System.ComponentModel.DataAnnotations;

namespace PowRegistry.Core.Notifications;

/// <summary>What the Central Tracing Agency (ICRC) must be told (GC III Art. 70 capture cards, Art. 122 later events).</summary>
public enum NotificationKind
{
    [Display(Name = "Capture card")] CaptureCard = 1,
    [Display(Name = "Transfer")] Transfer = 2,
    [Display(Name = "Hospitalisation")] Hospitalisation = 3,
    [Display(Name = "Escape")] Escape = 4,
    [Display(Name = "Release")] Release = 5,
    [Display(Name = "Repatriation")] Repatriation = 6,
    [Display(Name = "Transfer to a third state")] TransferToThirdState = 7,
    [Display(Name = "Death")] Death = 8,
}
