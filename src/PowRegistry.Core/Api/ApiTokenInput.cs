using System.ComponentModel.DataAnnotations;

namespace PowRegistry.Core.Api;

public sealed class ApiTokenInput
{
    [Display(Name = "User")] public string? UserId { get; set; }
    [Display(Name = "What it is for")] public string? Name { get; set; }
    [Display(Name = "Scope")] public ApiTokenScope? Scope { get; set; }
    [Display(Name = "Valid for (days)")] public int? Days { get; set; } = 90;
}
