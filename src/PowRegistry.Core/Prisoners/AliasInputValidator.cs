using FluentValidation;

using PowRegistry.Core.Common;

namespace PowRegistry.Core.Prisoners;

public sealed class AliasInputValidator : AbstractValidator<AliasInput>
{
    public AliasInputValidator()
    {
        RuleFor(x => x.Name).NotEmpty().Refuse("AliasInput.Name.Required")
            .MaximumLength(Limits.Name).Refuse("Common.TooLong", Limits.Name);
        RuleFor(x => x.Source).IsDefinedValue().Refuse("Common.Source.FromList");
        RuleFor(x => x.Confidence).IsDefinedValue().Refuse("AliasInput.Confidence.FromList");
        RuleFor(x => x.Notes).MaximumLength(Limits.LongText).Refuse("Common.TooLong", Limits.LongText);
    }
}
