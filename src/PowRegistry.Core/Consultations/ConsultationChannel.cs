using System.ComponentModel.DataAnnotations;

namespace PowRegistry.Core.Consultations;

public enum ConsultationChannel
{
    [Display(Name = "Meeting")] Meeting = 1,
    [Display(Name = "Call")] Call = 2,
    [Display(Name = "Diplomatic note")] DiplomaticNote = 3,
    [Display(Name = "Letter")] Letter = 4,
    [Display(Name = "Video conference")] VideoConference = 5,
}
