using System.ComponentModel.DataAnnotations;

using PowRegistry.Core.Wishes;

namespace PowRegistry.Core.Requests;

/// <summary>The handover as it took place: recorded when a request is completed, and shown on the custody timeline.</summary>
public sealed class HandoverInput
{
    [Display(Name = "HandoverInput.HandoverDate")] public DateOnly? HandoverDate { get; set; }
    [Display(Name = "HandoverInput.HandoverPlace")] public string? HandoverPlace { get; set; }
    [Display(Name = "HandoverInput.WitnessOrganisation")] public InterviewerOrganisation? WitnessOrganisation { get; set; }
    [Display(Name = "HandoverInput.WitnessName")] public string? WitnessName { get; set; }
}
