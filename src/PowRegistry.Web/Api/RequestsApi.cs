using Microsoft.EntityFrameworkCore;

using PowRegistry.Core.Common;
using PowRegistry.Core.Data;
using PowRegistry.Core.Requests;
using PowRegistry.Core.Wishes;
using PowRegistry.Web.Infrastructure;

namespace PowRegistry.Web.Api;

public sealed record RequestChangeResource(RequestStatus? From, RequestStatus To, string? Note, DateTimeOffset ChangedAt);

public sealed record RequestReviewResource(ReviewDecision Decision, string Reason, int? WishId, DateTimeOffset ReviewedAt);

/// <summary>The handover as it took place: when, where, before whom, and the statement it rested on.</summary>
public sealed record HandoverResource(DateOnly? Date, string? Place, InterviewerOrganisation? WitnessOrganisation, string? WitnessName, int? WishId);

public sealed record RequestResource(
    int Id, string Prisoner, string DestinationState, bool IsReturnToOrigin, int WishId, RequestStatus Status, DateOnly? HandoverDate,
    DateTimeOffset CreatedAt, bool FlaggedForReview, string? FlagReason, bool StopLifted, int? LiftWishId, HandoverResource? Handover, int Version,
    IReadOnlyList<RequestStatus> NextSteps, IReadOnlyList<RequestChangeResource>? Changes, IReadOnlyList<RequestReviewResource>? Reviews)
{
    /// <param name="standing">His record and latest statement now: whether this is a return, whether the lift still holds.</param>
    /// <param name="text">Says why it is flagged in the caller's language.</param>
    public static RequestResource From(TransferRequest r, string prisonerReference, RequestStanding standing, MessageText text, bool withChanges = false) => new(
        r.Id, prisonerReference, r.DestinationStateCode, standing.IsReturnToOrigin(r), r.WishId, r.Status, r.HandoverDate, r.CreatedAt,
        r.FlaggedForReview, r.FlagMessage is { } flag ? text[flag] : null, r.StopLifted && r.LiftWishId == standing.CurrentWishId, r.LiftWishId,
        r.Status == RequestStatus.Completed ? new HandoverResource(r.HandedOverOn, r.HandoverPlace, r.WitnessOrganisation, r.WitnessName, r.HandoverWishId) : null,
        r.Version, TransferRequest.NextSteps(r.Status),
        withChanges ? r.Changes.OrderBy(c => c.Id).Select(c => new RequestChangeResource(c.From, c.To, c.Note, c.ChangedAt)).ToList() : null,
        withChanges ? r.Reviews.OrderBy(v => v.Id).Select(v => new RequestReviewResource(v.Decision, v.Reason, v.WishId, v.ReviewedAt)).ToList() : null);
}

public sealed class NewRequestBody
{
    /// <summary>The prisoner's reference (POW-YYYY-NNNNNN).</summary>
    public string? Prisoner { get; set; }
    public string? DestinationState { get; set; }
    public int? WishId { get; set; }
}

public sealed class TransitionBody
{
    public RequestStatus? To { get; set; }
    public string? Note { get; set; }

    /// <summary>Scheduling: the date planned. Completing: the date the handover took place.</summary>
    public DateOnly? HandoverDate { get; set; }

    /// <summary>Completing: where the handover took place.</summary>
    public string? HandoverPlace { get; set; }

    /// <summary>Completing: the organisation of the witness (e.g. icrc).</summary>
    public InterviewerOrganisation? WitnessOrganisation { get; set; }

    /// <summary>Completing: the witness's name (e.g. the ICRC delegate).</summary>
    public string? WitnessName { get; set; }
}

public sealed class ReviewBody
{
    public ReviewDecision? Decision { get; set; }
    public string? Reason { get; set; }
}

public sealed class LiftSignOffBody
{
    public string? Reason { get; set; }
}

/// <summary>Transfer and repatriation requests: every safeguard (reconfirmation gate, non-refoulement stop, Art. 109(3)) applies.</summary>
public static class RequestsApi
{
    public static void MapRequests(this RouteGroupBuilder api)
    {
        var requests = api.MapGroup("/requests");
        requests.MapGet("", ListAsync).WithName("ListRequests")
            .WithSummary("Open requests (flagged for review first), or with ?prisoner=REF every request of one prisoner.");
        requests.MapGet("/{id:int}", GetAsync).WithName("GetRequest").WithSummary("One request with its history and the steps open to it.");
        requests.MapPost("", CreateAsync).RequireAuthorization(ApiPolicies.Write).WithName("CreateRequest")
            .Accepts<NewRequestBody>("application/json").WithSummary("Drafts a request resting on one of his wish statements.");
        requests.MapPost("/{id:int}/transitions", MoveAsync).RequireAuthorization(ApiPolicies.Write).WithName("MoveRequest")
            .Accepts<TransitionBody>("application/json")
            .WithSummary("Moves a request. Every forward step re-checks every safeguard; a step they refuse is 409 with every reason. Completing needs handoverDate, handoverPlace, witnessOrganisation and witnessName. Recording the receiving state's answer (accepted, refused) needs an administrator (403).");
        requests.MapPost("/{id:int}/reviews", ReviewAsync).RequireAuthorization(ApiPolicies.Administer).WithName("ReviewRequest")
            .Accepts<ReviewBody>("application/json")
            .WithSummary("An administrator's review of a request flagged after a change of wish: continue (only if his latest statement names this destination again; otherwise 409) or withdraw, with a reason.");
        requests.MapPost("/{id:int}/lift-signoffs", SignOffAsync).RequireAuthorization(ApiPolicies.Administer).WithName("SignOffLift")
            .Accepts<LiftSignOffBody>("application/json")
            .WithSummary("An administrator's sign-off towards lifting the non-refoulement stop (two different administrators, neither the author).");
    }

    private static async Task<IResult> ListAsync(string? prisoner, PowRegistryDbContext db, RequestQueries service, MessageText text, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(prisoner))
        {
            var open = await service.OpenAsync(ct);
            var standings = await service.StandingsAsync(open.Select(x => x.Request.PrisonerId).ToHashSet(), ct);
            return Results.Ok(open.Select(x => RequestResource.From(x.Request, x.Reference, standings[x.Request.PrisonerId], text)).ToList());
        }
        if (await PrisonersApi.IdOfAsync(db, prisoner, ct) is not { } id || await service.OfPrisonerAsync(id, ct) is not { } requests) return PrisonersApi.NotFound();
        var standing = (await service.StandingsAsync([id], ct))[id];
        return Results.Ok(requests.Select(r => RequestResource.From(r, prisoner.Trim().ToUpperInvariant(), standing, text)).ToList());
    }

    private static async Task<IResult> GetAsync(int id, RequestQueries service, MessageText text, CancellationToken ct)
    {
        if (await service.GetAsync(id, ct) is not { } found) return ApiProblems.NotFound("request");
        return Results.Ok(RequestResource.From(found.Request, found.Prisoner.Reference, RequestStanding.Of(found.Prisoner, found.CurrentWish), text, withChanges: true));
    }

    private static async Task<IResult> CreateAsync(HttpRequest request, PowRegistryDbContext db, RequestService service, RequestQueries queries, CurrentUser currentUser, MessageText text, CancellationToken ct)
    {
        var (body, problem) = await ApiProblems.ReadJsonAsync<NewRequestBody>(request);
        if (problem is not null) return problem;
        if (string.IsNullOrWhiteSpace(body!.Prisoner) || await PrisonersApi.IdOfAsync(db, body.Prisoner, ct) is not { } prisonerId)
        {
            return ApiProblems.Validation("prisoner", "Give the reference of a prisoner you may see.");
        }
        var result = await service.CreateAsync(prisonerId, new RequestInput { DestinationState = body.DestinationState, WishId = body.WishId }, currentUser.Actor, ct);
        if (!result.Succeeded) return ApiProblems.Failed(result, "prisoner");
        var reference = await ReferenceOfAsync(db, prisonerId, ct);
        return Results.Created($"/api/v1/requests/{result.Value!.Id}", RequestResource.From(result.Value, reference, (await queries.StandingsAsync([prisonerId], ct))[prisonerId], text));
    }

    private static async Task<IResult> MoveAsync(int id, HttpRequest request, RequestService service, RequestQueries queries, PowRegistryDbContext db, CurrentUser currentUser, MessageText text, CancellationToken ct)
    {
        var (body, problem) = await ApiProblems.ReadJsonAsync<TransitionBody>(request);
        if (problem is not null) return problem;
        if (body!.To is not { } to || !Enum.IsDefined(to)) return ApiProblems.Validation("to", "Say which status the request moves to.");
        var result = to == RequestStatus.Completed
            ? await service.CompleteAsync(id, new HandoverInput
            {
                HandoverDate = body.HandoverDate,
                HandoverPlace = body.HandoverPlace,
                WitnessOrganisation = body.WitnessOrganisation,
                WitnessName = body.WitnessName,
            }, currentUser.Actor, ct, body.Note)
            : await service.MoveAsync(id, to, body.Note, body.HandoverDate, currentUser.Actor, ct);
        if (!result.Succeeded) return ApiProblems.Failed(result, "request");
        return await OkAsync(result.Value!, queries, db, text, ct);
    }

    private static async Task<IResult> ReviewAsync(int id, HttpRequest request, RequestService service, RequestQueries queries, PowRegistryDbContext db, CurrentUser currentUser, MessageText text, CancellationToken ct)
    {
        var (body, problem) = await ApiProblems.ReadJsonAsync<ReviewBody>(request);
        if (problem is not null) return problem;
        if (body!.Decision is not { } decision || !Enum.IsDefined(decision)) return ApiProblems.Validation("decision", "Say whether the request continues or is withdrawn.");
        var result = await service.ReviewAsync(id, decision, body.Reason, currentUser.Actor, ct);
        if (!result.Succeeded) return ApiProblems.Failed(result, "request");
        return await OkAsync(result.Value!, queries, db, text, ct);
    }

    private static async Task<IResult> SignOffAsync(int id, HttpRequest request, RequestService service, RequestQueries queries, PowRegistryDbContext db, CurrentUser currentUser, MessageText text, CancellationToken ct)
    {
        var (body, problem) = await ApiProblems.ReadJsonAsync<LiftSignOffBody>(request);
        if (problem is not null) return problem;
        var result = await service.SignOffLiftAsync(id, body!.Reason, currentUser.Actor, ct);
        if (!result.Succeeded) return ApiProblems.Failed(result, "request");
        return await OkAsync(result.Value!, queries, db, text, ct);
    }

    private static async Task<IResult> OkAsync(TransferRequest saved, RequestQueries queries, PowRegistryDbContext db, MessageText text, CancellationToken ct) =>
        Results.Ok(RequestResource.From(saved, await ReferenceOfAsync(db, saved.PrisonerId, ct), (await queries.StandingsAsync([saved.PrisonerId], ct))[saved.PrisonerId], text, withChanges: true));

    /// <summary>The prisoner's reference alone, for the resource, without loading the request, prisoner and gate again.</summary>
    private static Task<string> ReferenceOfAsync(PowRegistryDbContext db, int prisonerId, CancellationToken ct) =>
        db.Prisoners.Where(p => p.Id == prisonerId).Select(p => p.Reference).SingleAsync(ct);
}
