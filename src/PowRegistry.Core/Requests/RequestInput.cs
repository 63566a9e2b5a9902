using System.ComponentModel.DataAnnotations;

namespace PowRegistry.Core.Requests;

public sealed class RequestInput
{
    [Display(Name = "Destination state")] public string? DestinationState { get; set; }
    [Display(Name = "Wish statement it rests on")] public int? WishId { get; set; }
}
