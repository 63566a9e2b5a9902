using System.ComponentModel.DataAnnotations;

namespace PowRegistry.Core.Exchange;

public enum TransferStatus
{
    /// <summary>An export: the file was handed to the requester when recorded.</summary>
    [Display(Name = "Done")] Done = 0,

    /// <summary>A pseudonymous share: the requester may download it.</summary>
    [Display(Name = "Ready (pseudonymised)")] Ready = 1,

    /// <summary>A share with identities, waiting for a second administrator.</summary>
    [Display(Name = "Waiting for a second administrator")] PendingApproval = 2,

    [Display(Name = "Approved (with identities)")] Approved = 3,
}
