using FluentValidation;

using PowRegistry.Core.Common;
using PowRegistry.Core.Prisoners;

namespace PowRegistry.Core.Requests;

/// <summary>The handover form's rules. The safeguards (his wish, his record) are the request's, not the form's.</summary>
public sealed class HandoverInputValidator : AbstractValidator<HandoverInput>
{
    public HandoverInputValidator(TimeProvider clock)
    {
        RuleFor(x => x.HandoverDate).Cascade(CascadeMode.Stop).NotNull().Refuse("Request.Handover.DateRequired")
            .Must(d => d <= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)).Refuse("Request.Handover.DateInFuture");
        RuleFor(x => x.HandoverPlace).Must(p => Common.Text.Clean(p) is not null).Refuse("Request.Handover.PlaceRequired")
            .MaximumLength(Limits.ShortText).Refuse("Common.TooLong", Limits.ShortText);
        RuleFor(x => x.WitnessOrganisation).NotNull().Refuse("Request.Handover.WitnessOrganisationRequired")
            .IsDefinedValue().Refuse("Request.Handover.WitnessOrganisationFromList");
        RuleFor(x => x.WitnessName).Must(n => Common.Text.Clean(n) is not null).Refuse("Request.Handover.WitnessNameRequired")
            .MaximumLength(Limits.Name).Refuse("Common.TooLong", Limits.Name);
    }
}
