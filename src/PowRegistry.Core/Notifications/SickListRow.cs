using PowRegistry.Core.Prisoners;

namespace PowRegistry.Core.Notifications;

/// <summary>One prisoner on the weekly list of the seriously sick or wounded (GC III Art. 122: their health, weekly if possible).</summary>
public sealed record SickListRow(
    int PrisonerId, string Reference, string Name, string? Rank, string? ServiceNumber, string? PowerDependedOnCode,
    string? PlaceOfInternment, HealthStatus Health, bool HospitalisedInWeek, DateOnly? HospitalisedOn, string? Hospital, CustodyStatus CustodyStatus);
