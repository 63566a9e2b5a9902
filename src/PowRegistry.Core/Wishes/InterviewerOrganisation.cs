namespace PowRegistry.Core.Wishes;

public enum InterviewerOrganisation
{
    Icrc = 1,
    Unhcr = 2,
    DetainingPower = 3,
    ReceivingState = 4,
    Other = 5,
}
