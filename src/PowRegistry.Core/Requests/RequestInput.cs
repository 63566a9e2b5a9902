using System.ComponentModel.DataAnnotations;

namespace PowRegistry.Core.Requests;

public sealed class RequestInput
{
    [Display(Name = "RequestInput.DestinationState")] public string? DestinationState { get; set; }
    [Display(Name = "RequestInput.WishId")] public int? WishId { get; set; }
}
