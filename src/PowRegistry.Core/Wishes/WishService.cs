using FluentValidation;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

using PowRegistry.Core.Common;
using PowRegistry.Core.Data;

namespace PowRegistry.Core.Wishes;

/// <summary>What each prisoner says he wants: statements are appended, never changed; mistaken ones are withdrawn.</summary>
public sealed class WishService(PowRegistryDbContext db, TimeProvider clock, IValidator<WishInput> validator, ILogger<WishService> logger)
{
    /// <summary>The prisoner's statements, newest first; null when he is not visible to the user.</summary>
    public async Task<IReadOnlyList<WishDeclaration>?> TimelineAsync(int prisonerId, CancellationToken ct)
    {
        if (!await db.Prisoners.AnyAsync(p => p.Id == prisonerId, ct)) return null;
        return await TimelineOfVisibleAsync(prisonerId, ct);
    }

    /// <summary>The timeline of a prisoner the caller has already read through the need-to-know filter (the record page).</summary>
    internal async Task<IReadOnlyList<WishDeclaration>> TimelineOfVisibleAsync(int prisonerId, CancellationToken ct)
    {
        var wishes = await db.WishDeclarations.AsNoTracking().Where(w => w.PrisonerId == prisonerId).ToListAsync(ct);
        return WishDeclaration.Timeline(wishes).ToList();
    }

    public async Task<ServiceResult<WishDeclaration>> RecordAsync(int prisonerId, WishInput input, Actor actor, CancellationToken ct)
    {
        var validation = await validator.ValidateAsync(input, ct);
        if (!validation.IsValid) return ServiceResult<WishDeclaration>.Failure(validation);
        var prisoner = await db.Prisoners.FirstOrDefaultAsync(p => p.Id == prisonerId, ct);
        if (prisoner is null) return ServiceResult<WishDeclaration>.NotFound();
        if (prisoner.DateOfCapture is { } captured && Prisoners.PrisonerInputValidator.TryParseDate(input.TakenOn, out var takenOn) && takenOn < captured)
        {
            return ServiceResult<WishDeclaration>.Failure(nameof(WishInput.TakenOn), "WishInput.TakenOn.BeforeCapture");
        }

        var wish = new WishDeclaration(prisonerId, input, DateOnly.ParseExact(input.TakenOn!, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), actor, clock.GetUtcNow());
        db.WishDeclarations.Add(wish);
        await UpdateCurrentWishAsync(prisoner, added: wish, ct);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Wish statement {WishId} recorded for prisoner {PrisonerId} by {UserId}", wish.Id, prisonerId, actor.UserId);
        return ServiceResult<WishDeclaration>.Success(wish);
    }

    public async Task<ServiceResult<WishDeclaration>> WithdrawAsync(int prisonerId, int wishId, string? reason, Actor actor, CancellationToken ct)
    {
        var prisoner = await db.Prisoners.FirstOrDefaultAsync(p => p.Id == prisonerId, ct);
        var wish = prisoner is null ? null : await db.WishDeclarations.FirstOrDefaultAsync(w => w.Id == wishId && w.PrisonerId == prisonerId, ct);
        if (prisoner is null || wish is null) return ServiceResult<WishDeclaration>.NotFound();
        var refused = wish.Withdraw(reason, actor, clock.GetUtcNow());
        if (refused.Count > 0) return ServiceResult<WishDeclaration>.Failure(refused);
        await UpdateCurrentWishAsync(prisoner, added: null, ct);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Wish statement {WishId} of prisoner {PrisonerId} withdrawn by {UserId}", wish.Id, prisonerId, actor.UserId);
        return ServiceResult<WishDeclaration>.Success(wish);
    }

    /// <summary>Keeps the register's copy of the current wish (for its filters and column) in step, in the same save.</summary>
    private async Task UpdateCurrentWishAsync(Prisoners.Prisoner prisoner, WishDeclaration? added, CancellationToken ct)
    {
        var wishes = await db.WishDeclarations.Where(w => w.PrisonerId == prisoner.Id).ToListAsync(ct);
        if (added is not null && !wishes.Contains(added)) wishes.Add(added);
        var current = WishDeclaration.Current(wishes);
        prisoner.SetCurrentWish(current);
        // A change of wish after a request was accepted is never silently carried on: the request is flagged.
        foreach (var request in await db.TransferRequests.Where(r => r.PrisonerId == prisoner.Id).ToListAsync(ct)) request.ReviewAgainst(current, prisoner);
    }
}
