using System.ComponentModel.DataAnnotations;

namespace PowRegistry.Core.Prisoners;

public enum HealthStatus
{
    [Display(Name = "Not recorded")] NotRecorded = 0,
    [Display(Name = "Good")] Good = 1,
    [Display(Name = "Sick")] Sick = 2,
    [Display(Name = "Wounded")] Wounded = 3,
    [Display(Name = "Seriously sick or wounded")] SeriouslySickOrWounded = 4,
}

/// <summary>Where a value came from (GC III Art. 17: a prisoner may carry false documents).</summary>
public enum InformationSource
{
    [Display(Name = "Not recorded")] NotRecorded = 0,
    [Display(Name = "Stated by him")] Stated = 1,
    [Display(Name = "Document carried")] DocumentCarried = 2,
    [Display(Name = "Other source")] OtherSource = 3,
}

public enum CustodyEventKind
{
    [Display(Name = "Captured")] Captured = 1,
    [Display(Name = "Registered")] Registered = 2,
    [Display(Name = "ICRC notified (capture card sent)")] IcrcNotified = 3,
    [Display(Name = "Transferred")] Transferred = 4,
    [Display(Name = "Hospitalised")] Hospitalised = 5,
    [Display(Name = "Discharged from hospital")] Discharged = 6,
    [Display(Name = "Escaped")] Escaped = 7,
    [Display(Name = "Released")] Released = 8,
    [Display(Name = "Repatriated")] Repatriated = 9,
    [Display(Name = "Transferred to third state")] TransferredToThirdState = 10,
    [Display(Name = "Died")] Died = 11,
}

/// <summary>Where the prisoner is now, derived from his custody timeline.</summary>
public enum CustodyStatus
{
    [Display(Name = "No events recorded")] Unknown = 0,
    [Display(Name = "In custody")] InCustody = 1,
    [Display(Name = "In hospital")] Hospitalised = 2,
    [Display(Name = "Escaped")] Escaped = 3,
    [Display(Name = "Released")] Released = 4,
    [Display(Name = "Repatriated")] Repatriated = 5,
    [Display(Name = "Transferred to third state")] TransferredToThirdState = 6,
    [Display(Name = "Deceased")] Deceased = 7,
}

public enum DocumentAuthenticity
{
    [Display(Name = "Not assessed")] NotAssessed = 0,
    [Display(Name = "Believed genuine")] BelievedGenuine = 1,
    [Display(Name = "Believed false")] BelievedFalse = 2,
}

public enum Confidence
{
    [Display(Name = "Not assessed")] NotAssessed = 0,
    [Display(Name = "Low")] Low = 1,
    [Display(Name = "Medium")] Medium = 2,
    [Display(Name = "High")] High = 3,
}
