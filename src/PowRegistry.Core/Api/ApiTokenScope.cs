using System.ComponentModel.DataAnnotations;

namespace PowRegistry.Core.Api;

public enum ApiTokenScope
{
    [Display(Name = "Read")] Read = 1,
    [Display(Name = "Read and write")] ReadWrite = 2,
}
