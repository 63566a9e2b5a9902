using System.ComponentModel.DataAnnotations;

namespace PowRegistry.Core.Prisoners;

public sealed class AliasInput
{
    [Display(Name = "AliasInput.Name")] public string? Name { get; set; }
    [Display(Name = "AliasInput.Source")] public InformationSource Source { get; set; }
    [Display(Name = "AliasInput.Confidence")] public Confidence Confidence { get; set; }
    [Display(Name = "AliasInput.Notes")] public string? Notes { get; set; }
}
