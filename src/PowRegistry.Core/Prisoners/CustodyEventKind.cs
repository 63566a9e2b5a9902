namespace PowRegistry.Core.Prisoners;

public enum CustodyEventKind
{
    Captured = 1,
    Registered = 2,
    IcrcNotified = 3,
    Transferred = 4,
    Hospitalised = 5,
    Discharged = 6,
    Escaped = 7,
    Released = 8,
    Repatriated = 9,
    TransferredToThirdState = 10,
    Died = 11,
}
