using System.ComponentModel.DataAnnotations;

namespace PowRegistry.Core.Consultations;

public enum CounterpartKind
{
    [Display(Name = "Government ministry")] Ministry = 1,
    [Display(Name = "Government agency")] Agency = 2,
    [Display(Name = "ICRC")] Icrc = 3,
    [Display(Name = "UNHCR")] Unhcr = 4,
    [Display(Name = "Other")] Other = 5,
}
