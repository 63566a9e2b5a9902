using System.ComponentModel.DataAnnotations;

using FluentValidation;

using PowRegistry.Core.Prisoners;
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

/// <summary>The handover form's rules. The safeguards (his wish, his record) are the request's, not the form's.</summary>
public sealed class HandoverInputValidator : AbstractValidator<HandoverInput>
{
    public HandoverInputValidator(TimeProvider clock)
    {
        RuleFor(x => x.HandoverDate).Cascade(CascadeMode.Stop).NotNull().WithMessage("Enter the date the handover took place.")
            .Must(d => d <= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)).WithMessage("The handover date cannot be in the future: record it once it has taken place.");
        RuleFor(x => x.HandoverPlace).Must(p => Common.Text.Clean(p) is not null).WithMessage("Enter the place of the handover.")
            .MaximumLength(Limits.ShortText).WithMessage($"Keep this under {Limits.ShortText} characters.");
        RuleFor(x => x.WitnessOrganisation).NotNull().WithMessage("Choose the organisation of the witness (e.g. ICRC).")
            .IsInEnum().WithMessage("Choose the organisation of the witness from the list.");
        RuleFor(x => x.WitnessName).Must(n => Common.Text.Clean(n) is not null).WithMessage("Enter the name of the witness (e.g. the ICRC delegate).")
            .MaximumLength(Limits.Name).WithMessage($"Keep this under {Limits.Name} characters.");
    }
}
