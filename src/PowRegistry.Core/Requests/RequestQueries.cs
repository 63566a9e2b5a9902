using Microsoft.EntityFrameworkCore;

using PowRegistry.Core.Data;
using PowRegistry.Core.Prisoners;
using PowRegistry.Core.Wishes;

namespace PowRegistry.Core.Requests;

/// <summary>
/// Reading requests: one with its history and the gate as it stands, a prisoner's, the lists and what they show.
/// Every read goes through the need-to-know filter. Moving a request is <see cref="RequestService"/>'s job.
/// </summary>
public sealed class RequestQueries(PowRegistryDbContext db, TimeProvider clock, RequestOptions options)
{
    public async Task<IReadOnlyList<TransferRequest>?> OfPrisonerAsync(int prisonerId, CancellationToken ct)
    {
        if (!await db.Prisoners.AnyAsync(p => p.Id == prisonerId, ct)) return null;
        return await OfVisiblePrisonerAsync(prisonerId, ct);
    }

    /// <summary>The requests of a prisoner the caller has already read through the need-to-know filter (the record page).</summary>
    internal async Task<IReadOnlyList<TransferRequest>> OfVisiblePrisonerAsync(int prisonerId, CancellationToken ct) =>
        await db.TransferRequests.AsNoTracking().Where(r => r.PrisonerId == prisonerId).OrderByDescending(r => r.Id).ToListAsync(ct);

    /// <summary>A request with its history, if its prisoner is visible to the user.</summary>
    public async Task<(TransferRequest Request, Prisoner Prisoner, WishDeclaration? CurrentWish, GateContext Gate)?> GetAsync(int id, CancellationToken ct)
    {
        var request = await db.TransferRequests.AsNoTracking().Include(r => r.Changes).Include(r => r.Reviews).AsSplitQuery().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (request is null) return null;
        var prisoner = await db.Prisoners.AsNoTracking().FirstOrDefaultAsync(p => p.Id == request.PrisonerId, ct);
        if (prisoner is null) return null;
        var gate = await RequestService.GateAsync(db, prisoner, clock, options, ct);
        return (request, prisoner, gate.CurrentWish, gate);
    }

    /// <summary>Open requests the user may see; those flagged for review after a change of wish first.</summary>
    public Task<IReadOnlyList<(TransferRequest Request, string Reference, string Name)>> OpenAsync(CancellationToken ct) => ListAsync(new RequestFilter(), ct);

    /// <summary>The requests the user may see, narrowed by the filter; those flagged for review first.</summary>
    public async Task<IReadOnlyList<(TransferRequest Request, string Reference, string Name)>> ListAsync(RequestFilter filter, CancellationToken ct)
    {
        var requests = db.TransferRequests.AsNoTracking();
        requests = filter.Status is { } status
            ? requests.Where(r => r.Status == status)
            : requests.Where(r => r.Status != RequestStatus.Completed && r.Status != RequestStatus.Refused && r.Status != RequestStatus.Withdrawn);
        if (filter.Flagged) requests = requests.Where(r => r.FlaggedForReview);
        if (filter.HandoverDue) requests = WhereHandoverDue(requests);
        var rows = await requests
            .Join(db.Prisoners, r => r.PrisonerId, p => p.Id, (r, p) => new { Request = r, p.Reference, p.FamilyName, p.GivenNames })
            .OrderByDescending(x => x.Request.FlaggedForReview).ThenBy(x => x.Request.Id)
            .Take(500).ToListAsync(ct);
        return rows.Select(x => (x.Request, x.Reference, string.Join(' ', new[] { x.FamilyName, x.GivenNames }.Where(n => n is not null)))).ToList();
    }

    /// <summary>For each visible prisoner: his record's origin and his latest statement as they stand now.</summary>
    public async Task<IReadOnlyDictionary<int, RequestStanding>> StandingsAsync(IReadOnlyCollection<int> prisonerIds, CancellationToken ct)
    {
        var prisoners = await db.Prisoners.AsNoTracking().Where(p => prisonerIds.Contains(p.Id))
            .Select(p => new { p.Id, p.NationalityCode, p.PowerDependedOnCode }).ToListAsync(ct);
        var wishes = (await db.WishDeclarations.AsNoTracking().Where(w => prisonerIds.Contains(w.PrisonerId)).ToListAsync(ct)).ToLookup(w => w.PrisonerId);
        return prisoners.ToDictionary(p => p.Id, p => new RequestStanding(p.NationalityCode, p.PowerDependedOnCode, WishDeclaration.Current(wishes[p.Id])?.Id));
    }

    /// <summary>Scheduled handovers whose date is within <see cref="RequestOptions.HandoverDueWithinDays"/> days, or past.</summary>
    public IQueryable<TransferRequest> WhereHandoverDue(IQueryable<TransferRequest> requests)
    {
        var dueBy = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(options.HandoverDueWithinDays);
        return requests.Where(r => r.Status == RequestStatus.HandoverScheduled && r.HandoverDate != null && r.HandoverDate <= dueBy);
    }
}
