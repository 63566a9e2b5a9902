using PowRegistry.Core.Consultations;

namespace PowRegistry.Web.Pages.Consultations;

/// <summary>What the shared form (_ConsultationForm) needs from its page.</summary>
public interface IConsultationForm
{
    ConsultationInput Form { get; }
    IReadOnlyList<Counterpart> Counterparts { get; }

    /// <summary>Offered when recording, to a user with several desks; a consultation keeps its desk when edited.</summary>
    IReadOnlyList<Core.Desks.Desk> Desks { get; }
}
