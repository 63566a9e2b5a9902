namespace PowRegistry.Core.Consultations;

/// <summary>Which consultations a list shows; every figure on the administrators' review links to one of these.</summary>
public sealed class ConsultationFilter
{
    public ConsultationStatus? Status { get; set; }
    public int? Counterpart { get; set; }

    /// <summary>Only those stalled (marked so, or quiet for too long).</summary>
    public bool Stalled { get; set; }

    /// <summary>Only those with an action item past its due date.</summary>
    public bool Overdue { get; set; }
}
