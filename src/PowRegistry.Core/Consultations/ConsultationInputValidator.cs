using FluentValidation;

using PowRegistry.Core.Common;
using PowRegistry.Core.Prisoners;

namespace PowRegistry.Core.Consultations;

public sealed class ConsultationInputValidator : AbstractValidator<ConsultationInput>
{
    public ConsultationInputValidator()
    {
        RuleFor(x => x.Title).NotEmpty().Refuse("ConsultationInput.Title.Required").MaximumLength(Limits.ShortText).Refuse("Common.TooLong", Limits.ShortText);
        RuleFor(x => x.Channel).NotNull().Refuse("ConsultationInput.Channel.Required").IsDefinedValue().Refuse("ConsultationInput.Channel.Unknown");
        RuleFor(x => x.Date).Must(d => PrisonerInputValidator.TryParseDate(d, out _)).Refuse("ConsultationInput.Date.Invalid");
        RuleFor(x => x.CounterpartIds).NotEmpty().Refuse("ConsultationInput.CounterpartIds.Required");
        RuleFor(x => x.Classification).MaximumLength(100).Refuse("Common.TooLong", 100);
        foreach (var field in new System.Linq.Expressions.Expression<Func<ConsultationInput, string?>>[] { x => x.Participants, x => x.Subject, x => x.Positions, x => x.Outcome, x => x.NextStep, x => x.PrisonerReferences, x => x.RequestNumbers })
        {
            RuleFor(field).MaximumLength(Limits.LongText).Refuse("Common.TooLong", Limits.LongText);
        }
    }
}
