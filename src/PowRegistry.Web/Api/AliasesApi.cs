using PowRegistry.Core.Common;
using PowRegistry.Core.Data;
using PowRegistry.Core.Prisoners;

namespace PowRegistry.Web.Api;

public sealed record AliasResource(int Id, string Name, InformationSource Source, Confidence Confidence, string? Notes)
{
    public static AliasResource From(PrisonerAlias a) => new(a.Id, a.Name, a.Source, a.Confidence, a.Notes);
}

/// <summary>A prisoner's aliases: other names he used or was written under, each with its source and confidence.</summary>
public static class AliasesApi
{
    public static void MapAliases(this RouteGroupBuilder prisoners)
    {
        prisoners.MapGet("/{reference}/aliases", ListAsync).WithName("ListAliases").WithSummary("A prisoner's aliases.");
        prisoners.MapPost("/{reference}/aliases", AddAsync).RequireAuthorization(ApiPolicies.Write).WithName("AddAlias")
            .Accepts<AliasInput>("application/json").WithSummary("Adds an alias.");
    }

    private static async Task<IResult> ListAsync(string reference, PowRegistryDbContext db, PrisonerService service, CancellationToken ct)
    {
        if (await PrisonersApi.IdOfAsync(db, reference, ct) is not { } id || await service.GetAsync(id, ct) is not { } prisoner) return PrisonersApi.NotFound();
        return Results.Ok(prisoner.Aliases.OrderBy(a => a.Id).Select(AliasResource.From).ToList());
    }

    private static async Task<IResult> AddAsync(string reference, HttpRequest request, PowRegistryDbContext db, PrisonerService service, CurrentUser currentUser, CancellationToken ct)
    {
        if (await PrisonersApi.IdOfAsync(db, reference, ct) is not { } id) return PrisonersApi.NotFound();
        var (input, problem) = await ApiProblems.ReadJsonAsync<AliasInput>(request);
        if (problem is not null) return problem;
        var result = await service.AddAliasAsync(id, input!, currentUser.Actor, ct);
        if (!result.Succeeded) return ApiProblems.Failed(result, "prisoner");
        return Results.Created($"/api/v1/prisoners/{reference.ToUpperInvariant()}/aliases", AliasResource.From(result.Value!));
    }
}
