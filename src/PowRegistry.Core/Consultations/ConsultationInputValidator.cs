using FluentValidation;

using PowRegistry.Core.Prisoners;

namespace PowRegistry.Core.Consultations;

public sealed class ConsultationInputValidator : AbstractValidator<ConsultationInput>
{
    public ConsultationInputValidator()
    {
        RuleFor(x => x.Title).NotEmpty().WithMessage("Enter a title.").MaximumLength(Limits.ShortText).WithMessage($"Keep this under {Limits.ShortText} characters.");
        RuleFor(x => x.Channel).NotNull().WithMessage("Choose the channel.").IsInEnum().WithMessage("Choose the channel from the list.");
        RuleFor(x => x.Date).Must(d => PrisonerInputValidator.TryParseDate(d, out _)).WithMessage("Enter the date as YYYY-MM-DD.");
        RuleFor(x => x.CounterpartIds).NotEmpty().WithMessage("Choose at least one counterpart.");
        RuleFor(x => x.Classification).MaximumLength(100).WithMessage("Keep this under 100 characters.");
        foreach (var field in new System.Linq.Expressions.Expression<Func<ConsultationInput, string?>>[] { x => x.Participants, x => x.Subject, x => x.Positions, x => x.Outcome, x => x.NextStep, x => x.PrisonerReferences, x => x.RequestNumbers })
        {
            RuleFor(field).MaximumLength(Limits.LongText).WithMessage($"Keep this under {Limits.LongText} characters.");
        }
    }
}
