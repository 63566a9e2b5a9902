using System.ComponentModel.DataAnnotations;

namespace PowRegistry.Core.Wishes;

public sealed class WishInput
{
    [Display(Name = "WishInput.TakenOn")] public string? TakenOn { get; set; }
    [Display(Name = "WishInput.Place")] public string? Place { get; set; }
    [Display(Name = "WishInput.Interviewer")] public string? Interviewer { get; set; }
    [Display(Name = "WishInput.Organisation")] public InterviewerOrganisation? Organisation { get; set; }
    [Display(Name = "WishInput.Language")] public string? Language { get; set; }
    [Display(Name = "WishInput.Interpreter")] public string? Interpreter { get; set; }
    [Display(Name = "WishInput.PrivateInterview")] public bool PrivateInterview { get; set; }
    [Display(Name = "WishInput.Destination")] public WishDestination? Destination { get; set; }
    [Display(Name = "WishInput.DestinationState")] public string? DestinationState { get; set; }
    [Display(Name = "WishInput.Certainty")] public int? Certainty { get; set; }
    [Display(Name = "WishInput.Reasons")] public string? Reasons { get; set; }
    [Display(Name = "WishInput.FearsPersecution")] public bool FearsPersecution { get; set; }
    [Display(Name = "WishInput.Fears")] public string? Fears { get; set; }
    [Display(Name = "WishInput.SignsOfPressure")] public string? SignsOfPressure { get; set; }
    [Display(Name = "WishInput.VerbatimWords")] public string? VerbatimWords { get; set; }
    [Display(Name = "WishInput.Translation")] public string? Translation { get; set; }
    [Display(Name = "WishInput.Verification")] public WishVerification Verification { get; set; }
}
