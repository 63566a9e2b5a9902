using FluentValidation;

using PowRegistry.Core.Prisoners;

namespace PowRegistry.Core.Notifications;

public sealed class SentInputValidator : AbstractValidator<SentInput>
{
    public SentInputValidator(TimeProvider clock)
    {
        RuleFor(x => x.SentOn)
            .Must(d => PrisonerInputValidator.TryParseDate(d, out _)).WithMessage("Enter the date it was sent as YYYY-MM-DD.")
            .DependentRules(() => RuleFor(x => x.SentOn)
                .Must(d => PrisonerInputValidator.TryParseDate(d, out var date) && date <= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime))
                .WithMessage("The date sent cannot be in the future."));
        RuleFor(x => x.Channel).NotNull().WithMessage("Choose how it was sent.")
            .Must(c => c is null || (Enum.IsDefined(c.Value) && c != NotificationChannel.CustodyEvent)).WithMessage("Choose how it was sent from the list.");
        RuleFor(x => x.Reference).MaximumLength(Limits.ShortText).WithMessage($"Keep this under {Limits.ShortText} characters.");
    }
}
