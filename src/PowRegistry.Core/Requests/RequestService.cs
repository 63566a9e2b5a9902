using System.ComponentModel.DataAnnotations;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

using PowRegistry.Core.Common;
using PowRegistry.Core.Countries;
using PowRegistry.Core.Data;
using PowRegistry.Core.Prisoners;
using PowRegistry.Core.Wishes;

namespace PowRegistry.Core.Requests;

/// <summary>Settings for the safeguards (configuration section PowRegistry:Requests).</summary>
public sealed class RequestOptions
{
    /// <summary>How recent the verified private-interview wish must be for a handover to be scheduled.</summary>
    public int ReconfirmationDays { get; set; } = 30;

    /// <summary>While hostilities go on, GC III Art. 109(3) applies to seriously sick or wounded prisoners.</summary>
    public bool HostilitiesOngoing { get; set; } = true;

    /// <summary>A scheduled handover counts as due from this many days before its date (and stays due once past it).</summary>
    public int HandoverDueWithinDays { get; set; } = 7;
}

/// <summary>Which requests a list shows. With nothing set: every open request.</summary>
public sealed class RequestFilter
{
    public RequestStatus? Status { get; set; }

    /// <summary>Only those flagged for review after a change of wish.</summary>
    public bool Flagged { get; set; }

    /// <summary>Only scheduled handovers whose date is near or past (see <see cref="RequestOptions.HandoverDueWithinDays"/>).</summary>
    public bool HandoverDue { get; set; }
}

public sealed class RequestInput
{
    [Display(Name = "Destination state")] public string? DestinationState { get; set; }
    [Display(Name = "Wish statement it rests on")] public int? WishId { get; set; }
}

/// <summary>Requests to transfer or repatriate a prisoner, carried through without ever forcing him.</summary>
public sealed class RequestService(PowRegistryDbContext db, TimeProvider clock, CurrentUser currentUser, RequestOptions options, Notifications.NotificationOptions deadlines, ILogger<RequestService> logger)
{
    public async Task<IReadOnlyList<TransferRequest>?> OfPrisonerAsync(int prisonerId, CancellationToken ct)
    {
        if (!await db.Prisoners.AnyAsync(p => p.Id == prisonerId, ct)) return null;
        return await db.TransferRequests.AsNoTracking().Where(r => r.PrisonerId == prisonerId).OrderByDescending(r => r.Id).ToListAsync(ct);
    }

    /// <summary>A request with its history, if its prisoner is visible to the user.</summary>
    public async Task<(TransferRequest Request, Prisoner Prisoner, WishDeclaration? CurrentWish, GateContext Gate)?> GetAsync(int id, CancellationToken ct)
    {
        var request = await db.TransferRequests.AsNoTracking().Include(r => r.Changes).FirstOrDefaultAsync(r => r.Id == id, ct);
        if (request is null) return null;
        var prisoner = await db.Prisoners.AsNoTracking().FirstOrDefaultAsync(p => p.Id == request.PrisonerId, ct);
        if (prisoner is null) return null;
        var gate = await GateAsync(prisoner, ct);
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

    /// <summary>Scheduled handovers whose date is within <see cref="RequestOptions.HandoverDueWithinDays"/> days, or past.</summary>
    public IQueryable<TransferRequest> WhereHandoverDue(IQueryable<TransferRequest> requests)
    {
        var dueBy = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(options.HandoverDueWithinDays);
        return requests.Where(r => r.Status == RequestStatus.HandoverScheduled && r.HandoverDate != null && r.HandoverDate <= dueBy);
    }

    public async Task<ServiceResult<TransferRequest>> CreateAsync(int prisonerId, RequestInput input, Actor actor, CancellationToken ct)
    {
        var prisoner = await db.Prisoners.FirstOrDefaultAsync(p => p.Id == prisonerId, ct);
        if (prisoner is null) return ServiceResult<TransferRequest>.NotFound();
        var state = Text.Clean(input.DestinationState)?.ToUpperInvariant();
        if (state is null || !CountryList.IsKnown(state)) return ServiceResult<TransferRequest>.Failure(nameof(RequestInput.DestinationState), "Choose the destination state.");
        var wish = input.WishId is { } wishId
            ? await db.WishDeclarations.FirstOrDefaultAsync(w => w.Id == wishId && w.PrisonerId == prisonerId && !w.IsWithdrawn, ct)
            : null;
        if (wish is null) return ServiceResult<TransferRequest>.Failure(nameof(RequestInput.WishId), "Choose the wish statement the request rests on.");

        var request = new TransferRequest(prisoner, state, wish.Id, actor, clock.GetUtcNow());
        db.TransferRequests.Add(request);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Request {RequestId} created for prisoner {PrisonerId} by {UserId}", request.Id, prisonerId, actor.UserId);
        return ServiceResult<TransferRequest>.Success(request);
    }

    /// <summary>Moves a request; completing the handover adds the matching custody event in the same save.</summary>
    public async Task<ServiceResult<TransferRequest>> MoveAsync(int id, RequestStatus to, string? note, DateOnly? handoverDate, Actor actor, CancellationToken ct)
    {
        var request = await db.TransferRequests.Include(r => r.Changes).FirstOrDefaultAsync(r => r.Id == id, ct);
        var prisoner = request is null ? null : await db.Prisoners.Include(p => p.CustodyEvents).FirstOrDefaultAsync(p => p.Id == request.PrisonerId, ct);
        if (request is null || prisoner is null) return ServiceResult<TransferRequest>.NotFound();
        if (to is RequestStatus.Accepted or RequestStatus.Refused && !currentUser.IsAdministrator)
        {
            return ServiceResult<TransferRequest>.Failure("", "Only an administrator records the receiving state's answer.");
        }

        var gate = await GateAsync(prisoner, ct);
        var now = clock.GetUtcNow();
        var refusals = request.MoveTo(to, gate, note, handoverDate, actor, now);
        if (refusals.Count > 0) return ServiceResult<TransferRequest>.Failure(refusals.Select(r => new FieldError("", r)).ToList());

        if (to == RequestStatus.Completed)
        {
            prisoner.AddCustodyEvent(new CustodyEventInput
            {
                Kind = request.IsReturnToOrigin ? CustodyEventKind.Repatriated : CustodyEventKind.TransferredToThirdState,
                Date = (request.HandoverDate is { } d && d <= gate.Today ? d : gate.Today).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                Place = CountryList.NameOf(request.DestinationStateCode),
                Details = $"Handover under request {request.Id}",
            }, actor, now, deadlines);
        }
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Request {RequestId} moved to {Status} by {UserId}", request.Id, to, actor.UserId);
        return ServiceResult<TransferRequest>.Success(request);
    }

    /// <summary>An administrator's sign-off towards lifting the non-refoulement stop (two different ones, neither the author).</summary>
    public async Task<ServiceResult<TransferRequest>> SignOffLiftAsync(int id, string? reason, Actor actor, CancellationToken ct)
    {
        if (!currentUser.IsAdministrator) return ServiceResult<TransferRequest>.Failure("", "Only administrators can lift the non-refoulement stop.");
        var request = await db.TransferRequests.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (request is null || !await db.Prisoners.AnyAsync(p => p.Id == request.PrisonerId, ct)) return ServiceResult<TransferRequest>.NotFound();
        var refusals = request.SignOffLift(reason, actor, clock.GetUtcNow());
        if (refusals.Count > 0) return ServiceResult<TransferRequest>.Failure(refusals.Select(r => new FieldError("Reason", r)).ToList());
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Non-refoulement stop of request {RequestId} signed off by {UserId}", id, actor.UserId);
        return ServiceResult<TransferRequest>.Success(request);
    }

    private async Task<GateContext> GateAsync(Prisoner prisoner, CancellationToken ct)
    {
        var wishes = await db.WishDeclarations.AsNoTracking().Where(w => w.PrisonerId == prisoner.Id).ToListAsync(ct);
        return new GateContext(prisoner, WishDeclaration.Current(wishes), DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime),
            options.ReconfirmationDays, options.HostilitiesOngoing);
    }
}
