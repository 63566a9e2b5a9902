using FluentValidation;

using PowRegistry.Core.Common;

namespace PowRegistry.Core.Prisoners;

public sealed class CustodyEventInputValidator : AbstractValidator<CustodyEventInput>
{
    public CustodyEventInputValidator(TimeProvider clock)
    {
        RuleFor(x => x.Kind).NotNull().Refuse("CustodyEventInput.Kind.Required")
            .IsDefinedValue().Refuse("CustodyEventInput.Kind.FromList");
        RuleFor(x => x.Date)
            .Must(d => PrisonerInputValidator.TryParseDate(d, out _)).Refuse("CustodyEventInput.Date.Format")
            .DependentRules(() => RuleFor(x => x.Date)
                .Must(d => PrisonerInputValidator.TryParseDate(d, out var date) && date <= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime))
                .Refuse("CustodyEventInput.Date.Future"));
        RuleFor(x => x.Place).MaximumLength(Limits.ShortText).Refuse("Common.TooLong", Limits.ShortText);
        RuleFor(x => x.Details).MaximumLength(Limits.LongText).Refuse("Common.TooLong", Limits.LongText);
    }
}
