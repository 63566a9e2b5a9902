using FluentValidation;

using PowRegistry.Core.Common;
using PowRegistry.Core.Countries;
using PowRegistry.Core.Prisoners;

namespace PowRegistry.Core.Wishes;

public sealed class WishInputValidator : AbstractValidator<WishInput>
{
    public WishInputValidator(TimeProvider clock)
    {
        RuleFor(x => x.TakenOn)
            .Must(d => PrisonerInputValidator.TryParseDate(d, out _)).Refuse("WishInput.TakenOn.Format")
            .DependentRules(() => RuleFor(x => x.TakenOn)
                .Must(d => PrisonerInputValidator.TryParseDate(d, out var date) && date <= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime))
                .Refuse("WishInput.TakenOn.Future"));
        RuleFor(x => x.Interviewer).NotEmpty().Refuse("WishInput.Interviewer.Required")
            .MaximumLength(Limits.Name).Refuse("Common.TooLong", Limits.Name);
        RuleFor(x => x.Organisation).NotNull().Refuse("WishInput.Organisation.Required")
            .IsDefinedValue().Refuse("WishInput.Organisation.FromList");
        RuleFor(x => x.Destination).NotNull().Refuse("WishInput.Destination.Required")
            .IsDefinedValue().Refuse("WishInput.Destination.FromList");
        RuleFor(x => x.DestinationState)
            .Must(code => !string.IsNullOrWhiteSpace(code) && CountryList.IsKnown(code.Trim()))
            .When(x => x.Destination == WishDestination.TransferToThirdState)
            .Refuse("WishInput.DestinationState.Required");
        RuleFor(x => x.Certainty).InclusiveBetween(0, 100).Refuse("WishInput.Certainty.Range");
        RuleFor(x => x.Verification).IsDefinedValue().Refuse("WishInput.Verification.FromList");
        foreach (var field in new System.Linq.Expressions.Expression<Func<WishInput, string?>>[] { x => x.Place, x => x.Language, x => x.Interpreter })
        {
            RuleFor(field).MaximumLength(Limits.ShortText).Refuse("Common.TooLong", Limits.ShortText);
        }
        foreach (var field in new System.Linq.Expressions.Expression<Func<WishInput, string?>>[] { x => x.Reasons, x => x.Fears, x => x.SignsOfPressure, x => x.VerbatimWords, x => x.Translation })
        {
            RuleFor(field).MaximumLength(Limits.LongText).Refuse("Common.TooLong", Limits.LongText);
        }
    }
}
