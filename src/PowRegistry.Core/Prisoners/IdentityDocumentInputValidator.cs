using FluentValidation;

using PowRegistry.Core.Common;

namespace PowRegistry.Core.Prisoners;

public sealed class IdentityDocumentInputValidator : AbstractValidator<IdentityDocumentInput>
{
    public IdentityDocumentInputValidator()
    {
        RuleFor(x => x.DocumentType).NotEmpty().Refuse("IdentityDocumentInput.DocumentType.Required")
            .MaximumLength(Limits.ShortText).Refuse("Common.TooLong", Limits.ShortText);
        RuleFor(x => x.Number).MaximumLength(64).Refuse("Common.TooLong", 64);
        RuleFor(x => x.Issuer).MaximumLength(Limits.ShortText).Refuse("Common.TooLong", Limits.ShortText);
        RuleFor(x => x.NameShown).MaximumLength(Limits.Name).Refuse("Common.TooLong", Limits.Name);
        RuleFor(x => x.Authenticity).IsDefinedValue().Refuse("Common.FromList");
        RuleFor(x => x.Notes).MaximumLength(Limits.LongText).Refuse("Common.TooLong", Limits.LongText);
    }
}
