namespace PowRegistry.Core.Requests;

public enum ReviewDecision
{
    Continue = 1,
    Withdraw = 2,
}
