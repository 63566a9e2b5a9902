using System.ComponentModel.DataAnnotations;

namespace PowRegistry.Core.Exchange;

public enum TransferKind
{
    [Display(Name = "CSV export")] Export = 1,
    [Display(Name = "Share with a counterpart")] Share = 2,
}
