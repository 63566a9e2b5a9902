using Microsoft.EntityFrameworkCore;

using PowRegistry.Core.Common;
using PowRegistry.Core.Consultations;
using PowRegistry.Core.Data;

namespace PowRegistry.Web.Api;

public sealed record ConsultationChangeResource(ConsultationStatus? From, ConsultationStatus To, DateTimeOffset ChangedAt);

public sealed record ActionItemResource(int Id, string What, string OwnerId, DateOnly DueOn, bool Done);

public sealed record ConsultationResource(
    int Id, int DeskId, string Title, ConsultationChannel Channel, DateOnly Date, string? Participants, string? Subject, string? Classification,
    string? Positions, string? Outcome, string? NextStep, ConsultationStatus Status, IReadOnlyList<int> CounterpartIds,
    IReadOnlyList<string> Prisoners, IReadOnlyList<int> RequestIds, bool IsGeneral, DateTimeOffset CreatedAt, DateTimeOffset LastActivityAt,
    IReadOnlyList<ConsultationChangeResource>? Changes, IReadOnlyList<ActionItemResource>? ActionItems)
{
    public static ConsultationResource From(Consultation c, IReadOnlyDictionary<int, string> references, bool withDetails = false) => new(
        c.Id, c.DeskId, c.Title, c.Channel, c.Date, c.Participants, c.Subject, c.Classification, c.Positions, c.Outcome, c.NextStep, c.Status,
        c.CounterpartIds, c.PrisonerIds.Where(references.ContainsKey).Select(id => references[id]).ToList(), c.RequestIds, c.IsGeneral, c.CreatedAt, c.LastActivityAt,
        withDetails ? c.Changes.OrderBy(x => x.Id).Select(x => new ConsultationChangeResource(x.From, x.To, x.ChangedAt)).ToList() : null,
        withDetails ? c.ActionItems.OrderBy(i => i.Id).Select(i => new ActionItemResource(i.Id, i.What, i.OwnerId, i.DueOn, i.Done)).ToList() : null);
}

public sealed record CounterpartResource(int Id, string Name, CounterpartKind Kind, string? Country);

public sealed class StatusBody
{
    public ConsultationStatus? Status { get; set; }
}

/// <summary>Consultations between governments (and with the ICRC and UNHCR), and the counterparts list they draw on.</summary>
public static class ConsultationsApi
{
    public static void MapConsultations(this RouteGroupBuilder api)
    {
        api.MapGet("/counterparts", CounterpartsAsync).WithName("ListCounterparts").WithSummary("The counterparts a consultation can name (counterpartIds).");
        var consultations = api.MapGroup("/consultations");
        consultations.MapGet("", ListAsync).WithName("ListConsultations").WithSummary("Consultations, newest first; filters: status, counterpart, stalled, overdue (as on /Consultations).");
        consultations.MapGet("/{id:int}", GetAsync).WithName("GetConsultation").WithSummary("One consultation with its status history and action items.");
        consultations.MapPost("", CreateAsync).RequireAuthorization(ApiPolicies.Write).WithName("CreateConsultation")
            .Accepts<ConsultationInput>("application/json")
            .WithSummary("Records a consultation. prisonerReferences: references separated by spaces or commas; empty for general arrangements.");
        consultations.MapPost("/{id:int}/status", ChangeStatusAsync).RequireAuthorization(ApiPolicies.Write).WithName("ChangeConsultationStatus")
            .Accepts<StatusBody>("application/json").WithSummary("Changes a consultation's status.");
    }

    private static async Task<IResult> CounterpartsAsync(ConsultationService service, CancellationToken ct) =>
        Results.Ok((await service.CounterpartsAsync(ct)).Select(c => new CounterpartResource(c.Id, c.Name, c.Kind, c.CountryCode)).ToList());

    private static async Task<IResult> ListAsync(string? status, int? counterpart, bool? stalled, bool? overdue, PowRegistryDbContext db, ConsultationService service, CancellationToken ct)
    {
        var errors = new List<Refusal>();
        var filter = new ConsultationFilter { Status = ApiEnum.Parse<ConsultationStatus>(status, "status", errors), Counterpart = counterpart, Stalled = stalled == true, Overdue = overdue == true };
        if (errors.Count > 0) return ApiProblems.Validation(errors);
        var list = await service.ListAsync(filter, ct);
        var references = await ReferencesAsync(db, list.SelectMany(c => c.PrisonerIds), ct);
        return Results.Ok(list.Select(c => ConsultationResource.From(c, references)).ToList());
    }

    private static async Task<IResult> GetAsync(int id, PowRegistryDbContext db, ConsultationService service, CancellationToken ct)
    {
        if (await service.GetAsync(id, ct) is not { } consultation) return ApiProblems.NotFound("consultation");
        return Results.Ok(ConsultationResource.From(consultation, await ReferencesAsync(db, consultation.PrisonerIds, ct), withDetails: true));
    }

    private static async Task<IResult> CreateAsync(HttpRequest request, PowRegistryDbContext db, ConsultationService service, CurrentUser currentUser, CancellationToken ct)
    {
        var (input, problem) = await ApiProblems.ReadJsonAsync<ConsultationInput>(request);
        if (problem is not null) return problem;
        var result = await service.CreateAsync(input!, currentUser.Actor, ct);
        if (!result.Succeeded) return ApiProblems.Failed(result, "consultation");
        var consultation = result.Value!;
        return Results.Created($"/api/v1/consultations/{consultation.Id}", ConsultationResource.From(consultation, await ReferencesAsync(db, consultation.PrisonerIds, ct)));
    }

    private static async Task<IResult> ChangeStatusAsync(int id, HttpRequest request, PowRegistryDbContext db, ConsultationService service, CurrentUser currentUser, CancellationToken ct)
    {
        var (body, problem) = await ApiProblems.ReadJsonAsync<StatusBody>(request);
        if (problem is not null) return problem;
        var result = await service.ChangeStatusAsync(id, body!.Status, currentUser.Actor, ct);
        if (!result.Succeeded) return ApiProblems.Failed(result, "consultation");
        return await GetAsync(id, db, service, ct);
    }

    /// <summary>References of the prisoners the caller may see; the others are left out (need-to-know).</summary>
    private static async Task<IReadOnlyDictionary<int, string>> ReferencesAsync(PowRegistryDbContext db, IEnumerable<int> prisonerIds, CancellationToken ct)
    {
        var ids = prisonerIds.Distinct().ToList();
        return ids.Count == 0 ? new Dictionary<int, string>() : await db.Prisoners.Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Reference, ct);
    }
}
