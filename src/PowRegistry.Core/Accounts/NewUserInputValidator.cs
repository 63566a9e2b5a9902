using FluentValidation;

using PowRegistry.Core.Common;

namespace PowRegistry.Core.Accounts;

public sealed class NewUserInputValidator : AbstractValidator<NewUserInput>
{
    public NewUserInputValidator()
    {
        RuleFor(x => x.Email).NotEmpty().Refuse("NewUserInput.Email.Required")
            .MaximumLength(254).Refuse("Common.TooLong", 254)
            .EmailAddress().Refuse("NewUserInput.Email.Invalid");
        RuleFor(x => x.DisplayName).NotEmpty().Refuse("NewUserInput.DisplayName.Required")
            .MaximumLength(100).Refuse("Common.TooLong", 100);
        RuleFor(x => x.Role).Must(r => r is not null && Roles.All.Contains(r)).Refuse("Account.Role.Unknown");
        RuleFor(x => x.Password).NotEmpty().Refuse("NewUserInput.Password.Required")
            .MaximumLength(256).Refuse("Common.TooLong", 256);
    }
}
