using System.Globalization;
using System.Text.Json;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

using PowRegistry.Core.Audit;
using PowRegistry.Core.Common;
using PowRegistry.Core.Data;
using PowRegistry.Core.Prisoners;
using PowRegistry.Core.Wishes;

namespace PowRegistry.Core.Retention;

/// <summary>
/// Produces <see cref="HeldOnOneMan"/> for an administrator. Producing it is audited (a <see cref="AuditActions.Disclose"/>
/// entry, committed before anything is returned): whoever reads everything on a man is on his record for ever.
/// </summary>
public sealed class DisclosureService(PowRegistryDbContext db, AuditService audit, AuditKey key, TimeProvider clock, CurrentUser currentUser, ILogger<DisclosureService> logger)
{
    /// <summary>Audit entries read per page (the audit search's largest page).</summary>
    private const int Page = 500;

    /// <summary>Null when he does not exist (or the caller is not an administrator: the page's policy answers before).</summary>
    public async Task<HeldOnOneMan?> ProduceAsync(int prisonerId, string format, Actor actor, CancellationToken ct)
    {
        if (!currentUser.IsAdministrator) return null;
        var prisoner = await db.Prisoners.AsNoTracking()
            .Include(p => p.Aliases).Include(p => p.Documents).Include(p => p.CustodyEvents).Include(p => p.Notifications).AsSplitQuery()
            .FirstOrDefaultAsync(p => p.Id == prisonerId, ct);
        if (prisoner is null) return null;

        var merges = await db.PrisonerMerges.AsNoTracking().Where(m => m.SurvivorId == prisonerId).OrderBy(m => m.MergedAt).ToListAsync(ct);
        var wishes = await db.WishDeclarations.AsNoTracking().Where(w => w.PrisonerId == prisonerId).ToListAsync(ct);
        var requests = await db.TransferRequests.AsNoTracking().Include(r => r.Changes).Include(r => r.Reviews).AsSplitQuery()
            .Where(r => r.PrisonerId == prisonerId).OrderBy(r => r.CreatedAt).ToListAsync(ct);
        var consultations = await db.Consultations.AsNoTracking().Where(c => c.PrisonerIds.Contains(prisonerId)).OrderBy(c => c.Date).ToListAsync(ct);
        // A share names its records ("3,17,42"); an export went by a filter and names none (its filter is shown in the register).
        var listed = $",{prisonerId.ToString(CultureInfo.InvariantCulture)},";
        var transfers = await db.Transfers.AsNoTracking().Where(t => t.PrisonerIds != null && ("," + t.PrisonerIds + ",").Contains(listed))
            .OrderBy(t => t.RequestedAt).ToListAsync(ct);

        var log = new List<AuditRow>();
        long? before = null;
        while (true)
        {
            var page = await audit.SearchAsync(new AuditFilter { Record = prisonerId.ToString(CultureInfo.InvariantCulture), IncludeAccess = true, PageSize = Page, Before = before }, ct);
            log.AddRange(page);
            if (page.Count < Page) break;
            before = page[^1].Id;
        }
        log.Reverse(); // oldest first, as a history reads

        var now = clock.GetUtcNow();
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            await AuditChain.AppendAsync(db, key, now, actor.UserId,
                [(AuditActions.Disclose, nameof(Prisoner), prisonerId.ToString(CultureInfo.InvariantCulture), (int?)prisonerId,
                    JsonSerializer.Serialize(new[] { new FieldChange("Format", null, format) }))], ct);
            await transaction.CommitAsync(ct);
        }
        logger.LogInformation("Everything held on prisoner {PrisonerId} produced ({Format}) for {UserId}", prisonerId, format, actor.UserId);
        return new HeldOnOneMan(prisoner, merges, WishDeclaration.Timeline(wishes).ToList(), requests, consultations, transfers, log, now);
    }
}
