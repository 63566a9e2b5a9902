using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

using PowRegistry.Core.Common;
using PowRegistry.Core.Data;

namespace PowRegistry.Core.Prisoners;

/// <summary>Two records of the same man made one: the merge itself, and where a merged record went.</summary>
public sealed class MergeService(PowRegistryDbContext db, CurrentUser currentUser, TimeProvider clock, ILogger<MergeService> logger)
{
    /// <summary>Where a merged record went (for old links); null when the id was never merged or is not visible.</summary>
    public async Task<int?> MergedIntoAsync(int id, CancellationToken ct)
    {
        var survivor = await db.Prisoners.IgnoreQueryFilters().Where(p => p.Id == id).Select(p => p.MergedIntoId).FirstOrDefaultAsync(ct);
        return survivor is { } survivorId && await db.Prisoners.AnyAsync(p => p.Id == survivorId, ct) ? survivorId : null;
    }

    public async Task<IReadOnlyList<PrisonerMerge>> MergesIntoAsync(int survivorId, CancellationToken ct) =>
        await db.PrisonerMerges.AsNoTracking().Where(m => m.SurvivorId == survivorId).OrderBy(m => m.Id).ToListAsync(ct);

    /// <summary>
    /// Administrators merge a duplicate record of the same man into a surviving one. Everything of the duplicate
    /// moves over; the duplicate disappears from the register, and the merge is shown on the survivor.
    /// </summary>
    public async Task<ServiceResult<Prisoner>> MergeAsync(int survivorId, string? duplicateReference, string? reason, Actor actor, CancellationToken ct)
    {
        if (!currentUser.IsAdministrator) return ServiceResult<Prisoner>.NotFound();
        var survivor = await WithEverythingAsync(db.Prisoners).FirstOrDefaultAsync(p => p.Id == survivorId, ct);
        if (survivor is null) return ServiceResult<Prisoner>.NotFound();

        var reference = Text.Clean(duplicateReference)?.ToUpperInvariant();
        var duplicate = reference is null ? null : await WithEverythingAsync(db.Prisoners).FirstOrDefaultAsync(p => p.Reference == reference, ct);
        if (duplicate is null) return ServiceResult<Prisoner>.Failure("DuplicateReference", "Merge.Duplicate.Unknown");
        if (duplicate.Id == survivor.Id) return ServiceResult<Prisoner>.Failure("DuplicateReference", "Merge.Duplicate.Self");
        var why = Text.Clean(reason, multiline: true);
        if (why is null) return ServiceResult<Prisoner>.Failure("Reason", "Merge.Reason.Required");
        if (why.Length > Limits.LongText) return ServiceResult<Prisoner>.Failure("Reason", "Common.TooLong", Limits.LongText);

        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var number = duplicate.ServiceNumber;
        survivor.Absorb(duplicate, actor, now);
        db.PrisonerMerges.Add(new PrisonerMerge(survivor.Id, duplicate.Id, duplicate.Reference, why, actor.UserId, now));
        await db.SaveChangesAsync(ct); // frees the duplicate's service number before the survivor may take it
        if (survivor.ServiceNumber is null && number is not null && survivor.NationalityCode == duplicate.NationalityCode)
        {
            survivor.TakeServiceNumber(number, actor, now);
        }
        var wishes = await db.WishDeclarations.Where(w => w.PrisonerId == duplicate.Id || w.PrisonerId == survivor.Id).ToListAsync(ct);
        foreach (var wish in wishes.Where(w => w.PrisonerId == duplicate.Id)) wish.MoveTo(survivor.Id);
        foreach (var request in await db.TransferRequests.Where(r => r.PrisonerId == duplicate.Id).ToListAsync(ct)) request.MoveTo(survivor.Id);
        survivor.SetCurrentWish(Wishes.WishDeclaration.Current(wishes));
        duplicate.SetCurrentWish(null);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);

        logger.LogInformation("Prisoner {MergedId} merged into {PrisonerId} by {UserId}", duplicate.Id, survivor.Id, actor.UserId);
        return ServiceResult<Prisoner>.Success(survivor);
    }

    private static IQueryable<Prisoner> WithEverythingAsync(IQueryable<Prisoner> prisoners) =>
        prisoners.Include(p => p.Aliases).Include(p => p.Documents).Include(p => p.CustodyEvents).Include(p => p.Notifications).AsSplitQuery();
}
