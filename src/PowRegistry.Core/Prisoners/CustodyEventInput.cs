using System.ComponentModel.DataAnnotations;

namespace PowRegistry.Core.Prisoners;

public sealed class CustodyEventInput
{
    [Display(Name = "CustodyEventInput.Kind")] public CustodyEventKind? Kind { get; set; }
    [Display(Name = "CustodyEventInput.Date")] public string? Date { get; set; }
    [Display(Name = "CustodyEventInput.Place")] public string? Place { get; set; }
    [Display(Name = "CustodyEventInput.Details")] public string? Details { get; set; }
}
