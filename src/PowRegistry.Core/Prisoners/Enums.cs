using System.ComponentModel.DataAnnotations;

namespace PowRegistry.Core.Prisoners;

public enum HealthStatus
{
    NotRecorded = 0,
    Good = 1,
    Sick = 2,
    Wounded = 3,
    SeriouslySickOrWounded = 4,
}

/// <summary>Where a value came from (GC III Art. 17: a prisoner may carry false documents).</summary>
public enum InformationSource
{
    NotRecorded = 0,
    Stated = 1,
    DocumentCarried = 2,
    OtherSource = 3,
}

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

public enum DocumentAuthenticity
{
    NotAssessed = 0,
    BelievedGenuine = 1,
    BelievedFalse = 2,
}

public enum Confidence
{
    NotAssessed = 0,
    Low = 1,
    Medium = 2,
    High = 3,
}
