
namespace PowRegistry.Core.Exchange;

public enum TransferStatus
{
    /// <summary>An export: the file was handed to the requester when recorded.</summary>
    Done = 0,

    /// <summary>A pseudonymous share: the requester may download it.</summary>
    Ready = 1,

    /// <summary>A share with identities, waiting for a second administrator.</summary>
    PendingApproval = 2,

    Approved = 3,
}
