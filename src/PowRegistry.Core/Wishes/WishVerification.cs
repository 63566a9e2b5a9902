namespace PowRegistry.Core.Wishes;

public enum WishVerification
{
    Unverified = 0,
    VerifiedByNeutralParty = 1,
    ReconfirmedBeforeHandover = 2,
}
