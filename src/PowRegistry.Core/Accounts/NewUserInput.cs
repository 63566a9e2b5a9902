using System.ComponentModel.DataAnnotations;

namespace PowRegistry.Core.Accounts;

public sealed class NewUserInput
{
    [Display(Name = "Email")] public string? Email { get; set; }
    [Display(Name = "Display name")] public string? DisplayName { get; set; }
    [Display(Name = "Role")] public string? Role { get; set; }
    [Display(Name = "Initial password"), DataType(DataType.Password)] public string? Password { get; set; }
}
