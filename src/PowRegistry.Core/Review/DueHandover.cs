namespace PowRegistry.Core.Review;

public sealed record DueHandover(int Id, string Reference, string DestinationStateCode, DateOnly HandoverDate);
