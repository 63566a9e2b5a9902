namespace PowRegistry.Core.Review;

public sealed record WaitingRequest(int Id, string Reference, string DestinationStateCode, DateTimeOffset Since, int DaysWaiting);
