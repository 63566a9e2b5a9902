namespace PowRegistry.Core.Prisoners;

/// <summary>What opening a record's page finds: the record, or where it was merged to (an old link), or neither (not found).</summary>
public sealed record RecordPageAnswer(PrisonerRecord? Record, int? MergedIntoId);
