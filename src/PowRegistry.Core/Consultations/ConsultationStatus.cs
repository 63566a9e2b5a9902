
namespace PowRegistry.Core.Consultations;

public enum ConsultationStatus
{
    Proposed = 0,
    Scheduled = 1,
    Held = 2,
    FollowUpPending = 3,
    AgreedInPrinciple = 4,
    Implemented = 5,
    Stalled = 6,
    Closed = 7,
}
