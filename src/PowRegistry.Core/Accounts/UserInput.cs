using System.ComponentModel.DataAnnotations;

using FluentValidation;

namespace PowRegistry.Core.Accounts;

public sealed class NewUserInput
{
    [Display(Name = "Email")] public string? Email { get; set; }
    [Display(Name = "Display name")] public string? DisplayName { get; set; }
    [Display(Name = "Role")] public string? Role { get; set; }
    [Display(Name = "Initial password"), DataType(DataType.Password)] public string? Password { get; set; }
}

/// <summary>The first administrator, created on the setup page with the one-time token printed at start-up.</summary>
public sealed class SetupInput
{
    [Display(Name = "Setup token")] public string? Token { get; set; }
    [Display(Name = "Email")] public string? Email { get; set; }
    [Display(Name = "Display name")] public string? DisplayName { get; set; }
    [Display(Name = "Password"), DataType(DataType.Password)] public string? Password { get; set; }
}

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
