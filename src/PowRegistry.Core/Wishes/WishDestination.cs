namespace PowRegistry.Core.Wishes;

public enum WishDestination
{
    ReturnToOrigin = 1,
    TransferToThirdState = 2,
    RemainInDetainingState = 3,
    Undecided = 4,
    DeclinedToAnswer = 5,
}
