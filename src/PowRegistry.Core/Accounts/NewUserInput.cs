using System.ComponentModel.DataAnnotations;

namespace PowRegistry.Core.Accounts;

public sealed class NewUserInput
{
    [Display(Name = "NewUserInput.Email")] public string? Email { get; set; }
    [Display(Name = "NewUserInput.DisplayName")] public string? DisplayName { get; set; }
    [Display(Name = "NewUserInput.Role")] public string? Role { get; set; }
    [Display(Name = "NewUserInput.Password"), DataType(DataType.Password)] public string? Password { get; set; }
}
