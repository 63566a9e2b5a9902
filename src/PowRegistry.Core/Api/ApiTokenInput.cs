using System.ComponentModel.DataAnnotations;

namespace PowRegistry.Core.Api;

public sealed class ApiTokenInput
{
    [Display(Name = "ApiTokenInput.UserId")] public string? UserId { get; set; }
    [Display(Name = "ApiTokenInput.Name")] public string? Name { get; set; }
    [Display(Name = "ApiTokenInput.Scope")] public ApiTokenScope? Scope { get; set; }
    [Display(Name = "ApiTokenInput.Days")] public int? Days { get; set; } = 90;
}
