using System.ComponentModel.DataAnnotations;

namespace PowRegistry.Core.Consultations;

public enum ConsultationStatus
{
    [Display(Name = "Proposed")] Proposed = 0,
    [Display(Name = "Scheduled")] Scheduled = 1,
    [Display(Name = "Held")] Held = 2,
    [Display(Name = "Follow-up pending")] FollowUpPending = 3,
    [Display(Name = "Agreed in principle")] AgreedInPrinciple = 4,
    [Display(Name = "Implemented")] Implemented = 5,
    [Display(Name = "Stalled")] Stalled = 6,
    [Display(Name = "Closed")] Closed = 7,
}
