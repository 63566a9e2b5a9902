using FluentValidation;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

using PowRegistry.Core.Common;
using PowRegistry.Core.Countries;
using PowRegistry.Core.Data;
using PowRegistry.Core.Prisoners;
using PowRegistry.Core.Wishes;

namespace PowRegistry.Core.Requests;

/// <summary>Requests to transfer or repatriate a prisoner, carried through without ever forcing him.</summary>
public sealed class RequestService(PowRegistryDbContext db, TimeProvider clock, CurrentUser currentUser, RequestOptions options, Notifications.NotificationOptions deadlines,
    IValidator<HandoverInput> handoverValidator, ILogger<RequestService> logger)
{
    public async Task<ServiceResult<TransferRequest>> CreateAsync(int prisonerId, RequestInput input, Actor actor, CancellationToken ct)
    {
        var prisoner = await db.Prisoners.FirstOrDefaultAsync(p => p.Id == prisonerId, ct);
        if (prisoner is null) return ServiceResult<TransferRequest>.NotFound();
        var state = Text.Clean(input.DestinationState)?.ToUpperInvariant();
        if (state is null || !CountryList.IsKnown(state)) return ServiceResult<TransferRequest>.Failure(nameof(RequestInput.DestinationState), "Request.Create.DestinationRequired");
        var wish = input.WishId is { } wishId
            ? await db.WishDeclarations.FirstOrDefaultAsync(w => w.Id == wishId && w.PrisonerId == prisonerId && !w.IsWithdrawn, ct)
            : null;
        if (wish is null) return ServiceResult<TransferRequest>.Failure(nameof(RequestInput.WishId), "Request.Create.WishRequired");

        var request = new TransferRequest(prisoner, state, wish.Id, actor, clock.GetUtcNow());
        db.TransferRequests.Add(request);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Request {RequestId} created for prisoner {PrisonerId} by {UserId}", request.Id, prisonerId, actor.UserId);
        return ServiceResult<TransferRequest>.Success(request);
    }

    /// <summary>
    /// Moves a request. Every forward move re-checks every safeguard against his latest wish and his record as they are
    /// now. Completing needs the handover's details: <see cref="CompleteAsync"/> (here it is refused for want of them).
    /// </summary>
    public Task<ServiceResult<TransferRequest>> MoveAsync(int id, RequestStatus to, string? note, DateOnly? handoverDate, Actor actor, CancellationToken ct) =>
        to == RequestStatus.Completed
            ? CompleteAsync(id, new HandoverInput { HandoverDate = handoverDate }, actor, ct, note)
            : ApplyAsync(id, to, note, handoverDate, null, actor, ct);

    /// <summary>
    /// Completes a scheduled handover: the full reconfirmation gate measured against the handover date, his custody
    /// status, the stop and Art. 109(3). Records where, when and before whom it took place and the statement it rested
    /// on, and adds the custody event (dated with the handover) in the same save.
    /// </summary>
    public async Task<ServiceResult<TransferRequest>> CompleteAsync(int id, HandoverInput input, Actor actor, CancellationToken ct, string? note = null)
    {
        var validation = await handoverValidator.ValidateAsync(input, ct);
        if (validation.IsValid) return await ApplyAsync(id, RequestStatus.Completed, note, input.HandoverDate, input, actor, ct);

        // A request that is not scheduled for handover cannot be completed, whatever the details: that is the answer.
        var loaded = await LoadAsync(id, ct);
        if (loaded is not var (request, prisoner)) return ServiceResult<TransferRequest>.NotFound();
        var gate = await GateAsync(db, prisoner, clock, options, ct);
        if (!TransferRequest.NextSteps(request.Status).Contains(RequestStatus.Completed))
        {
            return ServiceResult<TransferRequest>.Failure(request.MoveTo(RequestStatus.Completed, gate, note, input.HandoverDate, actor, clock.GetUtcNow()));
        }
        // Invalid details: say so, and say too what the safeguards would refuse, so that every reason is listed at once.
        return ServiceResult<TransferRequest>.Failure([.. validation.ToRefusals(), .. request.Safeguards(RequestStatus.Completed, gate, input.HandoverDate)]);
    }

    private async Task<ServiceResult<TransferRequest>> ApplyAsync(int id, RequestStatus to, string? note, DateOnly? handoverDate, HandoverInput? handover, Actor actor, CancellationToken ct)
    {
        var loaded = await LoadAsync(id, ct);
        if (loaded is not var (request, prisoner)) return ServiceResult<TransferRequest>.NotFound();
        if (to is RequestStatus.Accepted or RequestStatus.Refused && !currentUser.IsAdministrator)
        {
            return ServiceResult<TransferRequest>.Forbidden("Request.Answer.AdministratorOnly");
        }

        var gate = await GateAsync(db, prisoner, clock, options, ct);
        var now = clock.GetUtcNow();
        // His record as it stands now decides whether this is a return to his country of origin.
        var kind = request.IsReturnToOrigin(prisoner) ? CustodyEventKind.Repatriated : CustodyEventKind.TransferredToThirdState;
        var refusals = request.MoveTo(to, gate, note, handoverDate, actor, now, handover);
        if (refusals.Count > 0) return ServiceResult<TransferRequest>.Failure(refusals);

        if (to == RequestStatus.Completed)
        {
            prisoner.RecordHandover(kind, request.HandedOverOn!.Value, request.HandoverPlace!, request.Id, actor, now, deadlines);
        }
        if (await TrySaveAsync(RefusalKind.Conflict, ct) is { } stale) return stale;
        logger.LogInformation("Request {RequestId} moved to {Status} by {UserId}", request.Id, to, actor.UserId);
        return ServiceResult<TransferRequest>.Success(request);
    }

    /// <summary>An administrator's sign-off towards lifting the non-refoulement stop (two different ones, neither the author).</summary>
    public async Task<ServiceResult<TransferRequest>> SignOffLiftAsync(int id, string? reason, Actor actor, CancellationToken ct)
    {
        // Invalid, not Forbidden: the page has always shown this next to the form (the API's policy answers 403 before it).
        if (!currentUser.IsAdministrator) return ServiceResult<TransferRequest>.Failure("", "Request.Lift.AdministratorOnly");
        var loaded = await LoadAsync(id, ct);
        if (loaded is not var (request, prisoner)) return ServiceResult<TransferRequest>.NotFound();
        var gate = await GateAsync(db, prisoner, clock, options, ct);
        var refusals = request.SignOffLift(reason, gate, actor, clock.GetUtcNow());
        if (refusals.Count > 0) return ServiceResult<TransferRequest>.Failure(refusals);
        if (await TrySaveAsync(RefusalKind.Invalid, ct) is { } stale) return stale;
        logger.LogInformation("Non-refoulement stop of request {RequestId} signed off by {UserId}", id, actor.UserId);
        return ServiceResult<TransferRequest>.Success(request);
    }

    /// <summary>
    /// An administrator's review of a request flagged after a change of wish: continue (only when his latest statement
    /// names this destination again) or withdraw, with a reason. The review is its own row, dated and attributed.
    /// </summary>
    public async Task<ServiceResult<TransferRequest>> ReviewAsync(int id, ReviewDecision decision, string? reason, Actor actor, CancellationToken ct)
    {
        if (!currentUser.IsAdministrator) return ServiceResult<TransferRequest>.Forbidden("Request.Review.AdministratorOnly");
        var loaded = await LoadAsync(id, ct);
        if (loaded is not var (request, prisoner)) return ServiceResult<TransferRequest>.NotFound();
        var gate = await GateAsync(db, prisoner, clock, options, ct);
        var refusals = request.Review(decision, reason, gate, actor, clock.GetUtcNow());
        if (refusals.Count > 0) return ServiceResult<TransferRequest>.Failure(refusals);
        if (await TrySaveAsync(RefusalKind.Conflict, ct) is { } stale) return stale;
        logger.LogInformation("Request {RequestId} reviewed ({Decision}) by {UserId}", id, decision, actor.UserId);
        return ServiceResult<TransferRequest>.Success(request);
    }

    private async Task<(TransferRequest Request, Prisoner Prisoner)?> LoadAsync(int id, CancellationToken ct)
    {
        var request = await db.TransferRequests.Include(r => r.Changes).Include(r => r.Reviews).AsSplitQuery().FirstOrDefaultAsync(r => r.Id == id, ct);
        var prisoner = request is null ? null
            : await db.Prisoners.Include(p => p.CustodyEvents).Include(p => p.Notifications).AsSplitQuery().FirstOrDefaultAsync(p => p.Id == request.PrisonerId, ct);
        return request is null || prisoner is null ? null : (request, prisoner);
    }

    /// <summary>
    /// A new wish statement saved between our reading his wishes and our save gives every open request a new version:
    /// the save is then refused, and the move must be tried again against the statement now on record.
    /// </summary>
    /// <summary>
    /// Saves, or says someone else saved first. The kind keeps each endpoint's answer: a move or a review that loses
    /// the race is a conflict (the API's 409), a lift sign-off an invalid input (its 400).
    /// </summary>
    private async Task<ServiceResult<TransferRequest>?> TrySaveAsync(RefusalKind kind, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            return ServiceResult<TransferRequest>.Failure(new Refusal(kind, new Message("Request.Save.Changed")));
        }
    }

    /// <summary>His record and his latest wish (withdrawn statements do not count) as they stand now.</summary>
    internal static async Task<GateContext> GateAsync(PowRegistryDbContext db, Prisoner prisoner, TimeProvider clock, RequestOptions options, CancellationToken ct)
    {
        var wishes = await db.WishDeclarations.AsNoTracking().Where(w => w.PrisonerId == prisoner.Id).ToListAsync(ct);
        return new GateContext(prisoner, WishDeclaration.Current(wishes), DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime),
            options.ReconfirmationDays, options.HostilitiesOngoing);
    }
}
