namespace PowRegistry.Core.Prisoners;

public sealed record RegisterRow(
    int Id,
    string Reference,
    string? FamilyName,
    string? GivenNames,
    string? FirstAlias,
    string? Rank,
    string? ServiceNumber,
    string? NationalityCode,
    string? DetainingPowerCode,
    DateOnly? DateOfCapture,
    CustodyStatus CustodyStatus,
    Wishes.WishDestination? CurrentWish = null,
    string? CurrentWishStateCode = null,
    Wishes.WishVerification? CurrentWishVerification = null,
    int? CurrentWishCertainty = null)
{
    public string DisplayName =>
        string.Join(' ', new[] { FamilyName, GivenNames }.Where(n => !string.IsNullOrEmpty(n))) is { Length: > 0 } name
            ? name
            : FirstAlias ?? "(name unknown)";
}
