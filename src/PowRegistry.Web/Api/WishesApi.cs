using Microsoft.EntityFrameworkCore;

using PowRegistry.Core.Common;
using PowRegistry.Core.Data;
using PowRegistry.Core.Prisoners;
using PowRegistry.Core.Wishes;

namespace PowRegistry.Web.Api;

/// <summary>A wish statement. Reasons, fear of persecution, fears, pressure, his words and why it was withdrawn are null outside his desk (need-to-know).</summary>
public sealed record WishResource(
    int Id, string TakenOn, string? Place, string Interviewer, InterviewerOrganisation Organisation, string? Language, string? Interpreter,
    bool PrivateInterview, WishDestination Destination, string? DestinationState, int? Certainty,
    string? Reasons, bool? FearsPersecution, string? Fears, string? SignsOfPressure, string? VerbatimWords, string? Translation, bool StatementWithheld,
    WishVerification Verification, DateTimeOffset RecordedAt, bool IsWithdrawn, string? WithdrawnReason)
{
    public static WishResource From(WishDeclaration w, bool maySeeSensitive) => new(
        w.Id, w.TakenOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), w.Place, w.Interviewer, w.Organisation, w.Language, w.Interpreter,
        w.PrivateInterview, w.Destination, w.DestinationStateCode, w.Certainty,
        maySeeSensitive ? w.Reasons : null, maySeeSensitive ? w.FearsPersecution : null, maySeeSensitive ? w.Fears : null, maySeeSensitive ? w.SignsOfPressure : null,
        maySeeSensitive ? w.VerbatimWords : null, maySeeSensitive ? w.Translation : null, !maySeeSensitive,
        w.Verification, w.RecordedAt, w.IsWithdrawn, maySeeSensitive ? w.WithdrawnReason : null);
}

/// <summary>What a prisoner says he wants: append-only; the newest statement not withdrawn is his current wish.</summary>
public static class WishesApi
{
    public static void MapWishes(this RouteGroupBuilder prisoners)
    {
        prisoners.MapGet("/{reference}/wishes", ListAsync).WithName("ListWishes").WithSummary("His wish statements, newest first.");
        prisoners.MapPost("/{reference}/wishes", AddAsync).RequireAuthorization(ApiPolicies.Write).WithName("AddWish")
            .Accepts<WishInput>("application/json").WithSummary("Records a new wish statement (statements are never changed).");
    }

    private static async Task<IResult> ListAsync(string reference, PowRegistryDbContext db, PrisonerService prisoners, WishService wishes, CurrentUser currentUser, CancellationToken ct)
    {
        if (await PrisonersApi.IdOfAsync(db, reference, ct) is not { } id || await prisoners.GetForEditAsync(id, ct) is not { } prisoner
            || await wishes.TimelineAsync(id, ct) is not { } timeline)
        {
            return PrisonersApi.NotFound();
        }

        var sensitive = currentUser.MaySeeSensitive(prisoner.DeskId ?? 0);
        return Results.Ok(timeline.Select(w => WishResource.From(w, sensitive)).ToList());
    }

    private static async Task<IResult> AddAsync(string reference, HttpRequest request, PowRegistryDbContext db, WishService wishes, CurrentUser currentUser, CancellationToken ct)
    {
        if (await PrisonersApi.IdOfAsync(db, reference, ct) is not { } id) return PrisonersApi.NotFound();
        var (input, problem) = await ApiProblems.ReadJsonAsync<WishInput>(request);
        if (problem is not null) return problem;
        var result = await wishes.RecordAsync(id, input!, currentUser.Actor, ct);
        if (!result.Succeeded) return ApiProblems.Failed(result, "prisoner");
        // Only his desk and administrators may write here today; the rule is asked all the same, so it holds if that changes.
        var deskId = await db.Prisoners.Where(p => p.Id == id).Select(p => p.DeskId).FirstOrDefaultAsync(ct);
        return Results.Created($"/api/v1/prisoners/{reference.ToUpperInvariant()}/wishes", WishResource.From(result.Value!, currentUser.MaySeeSensitive(deskId)));
    }
}
