using PowRegistry.Core.Common;
using PowRegistry.Core.Data;
using PowRegistry.Core.Prisoners;

namespace PowRegistry.Web.Api;

public sealed record CustodyEventResource(int Id, CustodyEventKind Kind, DateOnly Date, string? Place, string? Details, DateTimeOffset RecordedAt)
{
    public static CustodyEventResource From(CustodyEvent e) => new(e.Id, e.Kind, e.Date, e.Place, e.Details, e.RecordedAt);
}

/// <summary>A prisoner's custody timeline (GC III Art. 122): capture, transfers, hospital, release, repatriation…</summary>
public static class CustodyEventsApi
{
    public static void MapCustodyEvents(this RouteGroupBuilder prisoners)
    {
        prisoners.MapGet("/{reference}/custody-events", ListAsync).WithName("ListCustodyEvents").WithSummary("A prisoner's custody timeline, in date order.");
        prisoners.MapPost("/{reference}/custody-events", AddAsync).RequireAuthorization(ApiPolicies.Write).WithName("AddCustodyEvent")
            .Accepts<CustodyEventInput>("application/json").WithSummary("Adds a custody event; his custody status follows from the timeline.");
    }

    private static async Task<IResult> ListAsync(string reference, PowRegistryDbContext db, PrisonerService service, CancellationToken ct)
    {
        if (await PrisonersApi.IdOfAsync(db, reference, ct) is not { } id || await service.GetAsync(id, ct) is not { } prisoner) return PrisonersApi.NotFound();
        return Results.Ok(prisoner.Timeline().Select(CustodyEventResource.From).ToList());
    }

    private static async Task<IResult> AddAsync(string reference, HttpRequest request, PowRegistryDbContext db, PrisonerService service, CurrentUser currentUser, CancellationToken ct)
    {
        if (await PrisonersApi.IdOfAsync(db, reference, ct) is not { } id) return PrisonersApi.NotFound();
        var (input, problem) = await ApiProblems.ReadJsonAsync<CustodyEventInput>(request);
        if (problem is not null) return problem;
        var result = await service.AddCustodyEventAsync(id, input!, currentUser.Actor, ct);
        if (!result.Succeeded) return ApiProblems.Failed(result, "prisoner");
        return Results.Created($"/api/v1/prisoners/{reference.ToUpperInvariant()}/custody-events", CustodyEventResource.From(result.Value!));
    }
}
