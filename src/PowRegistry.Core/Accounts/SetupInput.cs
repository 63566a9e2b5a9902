using System.ComponentModel.DataAnnotations;

namespace PowRegistry.Core.Accounts;

/// <summary>The first administrator, created on the setup page with the one-time token printed at start-up.</summary>
public sealed class SetupInput
{
    [Display(Name = "SetupInput.Token")] public string? Token { get; set; }
    [Display(Name = "SetupInput.Email")] public string? Email { get; set; }
    [Display(Name = "SetupInput.DisplayName")] public string? DisplayName { get; set; }
    [Display(Name = "SetupInput.Password"), DataType(DataType.Password)] public string? Password { get; set; }
}
