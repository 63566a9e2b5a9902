using PowRegistry.Core.Common;

namespace PowRegistry.Core.Requests;

/// <summary>An administrator's dated, attributed decision on a request flagged after a change of wish.</summary>
public sealed class RequestReview
{
    private RequestReview() { }

    internal RequestReview(ReviewDecision decision, string reason, int? wishId, Actor administrator, DateTimeOffset now)
    {
        Decision = decision;
        Reason = reason;
        WishId = wishId;
        ReviewedBy = administrator.UserId;
        ReviewedAt = now;
    }

    public int Id { get; private set; }
    public int RequestId { get; private set; }
    public ReviewDecision Decision { get; private set; }
    public string Reason { get; private set; } = "";

    /// <summary>His latest statement when the review was made (the one "continue" rests on).</summary>
    public int? WishId { get; private set; }
    public string ReviewedBy { get; private set; } = "";
    public DateTimeOffset ReviewedAt { get; private set; }

    internal void Anonymise() => Reason = "";
}
