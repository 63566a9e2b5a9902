using System.ComponentModel.DataAnnotations;

namespace PowRegistry.Core.Consultations;

public sealed class ConsultationInput
{
    [Display(Name = "ConsultationInput.Title")] public string? Title { get; set; }
    [Display(Name = "ConsultationInput.Channel")] public ConsultationChannel? Channel { get; set; }
    [Display(Name = "ConsultationInput.Date")] public string? Date { get; set; }
    [Display(Name = "ConsultationInput.Participants")] public string? Participants { get; set; }
    [Display(Name = "ConsultationInput.Subject")] public string? Subject { get; set; }
    [Display(Name = "ConsultationInput.Classification")] public string? Classification { get; set; }
    [Display(Name = "ConsultationInput.Positions")] public string? Positions { get; set; }
    [Display(Name = "ConsultationInput.Outcome")] public string? Outcome { get; set; }
    [Display(Name = "ConsultationInput.NextStep")] public string? NextStep { get; set; }
    [Display(Name = "ConsultationInput.CounterpartIds")] public List<int> CounterpartIds { get; set; } = [];

    /// <summary>References (POW-…) of the prisoners it concerns, separated by spaces or commas; empty for general arrangements.</summary>
    [Display(Name = "ConsultationInput.PrisonerReferences")] public string? PrisonerReferences { get; set; }

    /// <summary>Numbers of the transfer requests it concerns, separated by spaces or commas.</summary>
    [Display(Name = "ConsultationInput.RequestNumbers")] public string? RequestNumbers { get; set; }

    /// <summary>The desk that owns it; may be left empty by a user with one desk.</summary>
    [Display(Name = "ConsultationInput.DeskId")] public int? DeskId { get; set; }

    /// <summary>When editing: the version the page was loaded at.</summary>
    public int Version { get; set; }

    public static ConsultationInput From(Consultation c, IEnumerable<string> references) => new()
    {
        Title = c.Title,
        Channel = c.Channel,
        Date = c.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        Participants = c.Participants,
        Subject = c.Subject,
        Classification = c.Classification,
        Positions = c.Positions,
        Outcome = c.Outcome,
        NextStep = c.NextStep,
        CounterpartIds = [.. c.CounterpartIds],
        PrisonerReferences = string.Join(", ", references),
        RequestNumbers = string.Join(", ", c.RequestIds),
        DeskId = c.DeskId,
        Version = c.Version,
    };
}
