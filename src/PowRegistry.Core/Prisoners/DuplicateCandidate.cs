namespace PowRegistry.Core.Prisoners;

public sealed record DuplicateCandidate(int Id, string Reference, string DisplayName, string? DateOfBirth, string? ServiceNumber, Common.Message Why);
