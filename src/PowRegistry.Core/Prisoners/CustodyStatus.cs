namespace PowRegistry.Core.Prisoners;

/// <summary>Where the prisoner is now, derived from his custody timeline.</summary>
public enum CustodyStatus
{
    Unknown = 0,
    InCustody = 1,
    Hospitalised = 2,
    Escaped = 3,
    Released = 4,
    Repatriated = 5,
    TransferredToThirdState = 6,
    Deceased = 7,
}
