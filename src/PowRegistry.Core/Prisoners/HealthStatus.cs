namespace PowRegistry.Core.Prisoners;

public enum HealthStatus
{
    NotRecorded = 0,
    Good = 1,
    Sick = 2,
    Wounded = 3,
    SeriouslySickOrWounded = 4,
}
