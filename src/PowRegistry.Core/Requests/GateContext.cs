using PowRegistry.Core.Prisoners;
using PowRegistry.Core.Wishes;

namespace PowRegistry.Core.Requests;

/// <summary>What the gates need to know about the prisoner when a request moves: his record and his latest wish as they stand now.</summary>
public sealed record GateContext(Prisoner Prisoner, WishDeclaration? CurrentWish, DateOnly Today, int ReconfirmationDays, bool HostilitiesOngoing);
