using PowRegistry.Core.Prisoners;
using PowRegistry.Core.Wishes;

namespace PowRegistry.Core.Requests;

/// <summary>
/// What a request's safeguards read from his record now, for lists that do not load the whole record: his nationality
/// and the Power he depends on (is this a return?), and his latest statement (does a lift still hold?).
/// </summary>
public sealed record RequestStanding(string? NationalityCode, string? PowerDependedOnCode, int? CurrentWishId)
{
    public static RequestStanding Of(Prisoner prisoner, WishDeclaration? currentWish) =>
        new(prisoner.NationalityCode, prisoner.PowerDependedOnCode, currentWish?.Id);

    public bool IsReturnToOrigin(TransferRequest request) =>
        TransferRequest.ReturnsToOrigin(request.DestinationStateCode, NationalityCode, PowerDependedOnCode);
}
