using FluentValidation;

using PowRegistry.Core.Common;
using PowRegistry.Core.Prisoners;

namespace PowRegistry.Core.Notifications;

public sealed class SentInputValidator : AbstractValidator<SentInput>
{
    public SentInputValidator(TimeProvider clock)
    {
        RuleFor(x => x.SentOn)
            .Must(d => PrisonerInputValidator.TryParseDate(d, out _)).Refuse("SentInput.SentOn.Invalid")
            .DependentRules(() => RuleFor(x => x.SentOn)
                .Must(d => PrisonerInputValidator.TryParseDate(d, out var date) && date <= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime))
                .Refuse("SentInput.SentOn.Future"));
        RuleFor(x => x.Channel).NotNull().Refuse("SentInput.Channel.Required")
            .Must(c => c is null || (Enum.IsDefined(c.Value) && c != NotificationChannel.CustodyEvent)).Refuse("SentInput.Channel.Unknown");
        RuleFor(x => x.Reference).MaximumLength(Limits.ShortText).Refuse("Common.TooLong", Limits.ShortText);
    }
}
