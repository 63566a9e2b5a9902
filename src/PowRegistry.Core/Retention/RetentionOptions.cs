using System.ComponentModel.DataAnnotations;

namespace PowRegistry.Core.Retention;

/// <summary>How long the register keeps what (configuration section PowRegistry:Retention; ADR-024, docs/operations.md).</summary>
public sealed class RetentionOptions
{
    public const string Section = "PowRegistry:Retention";

    /// <summary>
    /// A closed record (released, repatriated, transferred to a third state, deceased) is kept in full this many years after
    /// the event that closed it, then anonymised. Ten: families and tracing enquiries come years after a repatriation.
    /// </summary>
    [Range(1, 100, ErrorMessage = Section + ":ClosedRecordYears must be between {1} and {2} years.")]
    public int ClosedRecordYears { get; set; } = 10;

    /// <summary>Consultation documents uploaded longer ago than this are removed by the run (kept while they concern a man on legal hold).</summary>
    [Range(1, 100, ErrorMessage = Section + ":DocumentYears must be between {1} and {2} years.")]
    public int DocumentYears { get; set; } = 10;

    /// <summary>Access entries of the audit trail older than this are due for expiry (counted by the due list; expiry not built yet).</summary>
    [Range(1, 100, ErrorMessage = Section + ":AccessLogYears must be between {1} and {2} years.")]
    public int AccessLogYears { get; set; } = 5;

    /// <summary>Whether the app runs retention itself once a day (one instance at a time, under a lease).</summary>
    public bool RunDaily { get; set; } = true;

    /// <summary>The review page lists what falls due within this many days.</summary>
    public const int ReviewHorizonDays = 30;
}
