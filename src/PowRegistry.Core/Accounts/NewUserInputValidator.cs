using FluentValidation;

namespace PowRegistry.Core.Accounts;

public sealed class NewUserInputValidator : AbstractValidator<NewUserInput>
{
    public NewUserInputValidator()
    {
        RuleFor(x => x.Email).NotEmpty().WithMessage("Enter an email address.")
            .MaximumLength(254).WithMessage("Keep this under 254 characters.")
            .EmailAddress().WithMessage("Enter a valid email address.");
        RuleFor(x => x.DisplayName).NotEmpty().WithMessage("Enter the name colleagues know this user by.")
            .MaximumLength(100).WithMessage("Keep this under 100 characters.");
        RuleFor(x => x.Role).Must(r => r is not null && Roles.All.Contains(r)).WithMessage("Choose a role from the list.");
        RuleFor(x => x.Password).NotEmpty().WithMessage("Enter an initial password.")
            .MaximumLength(256).WithMessage("Keep this under 256 characters.");
    }
}
