using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

using PowRegistry.Core.Common;
using PowRegistry.Core.Data;

namespace PowRegistry.Core.Desks;

/// <summary>Administrators create desks and decide who belongs to which.</summary>
public sealed class DeskService(PowRegistryDbContext db, CurrentUser currentUser, ILogger<DeskService> logger)
{
    public async Task<IReadOnlyList<DeskRow>> ListAsync(CancellationToken ct) =>
        await db.Desks.OrderBy(d => d.Name)
            .Select(d => new DeskRow(d.Id, d.Name,
                db.DeskMembers.Count(m => m.DeskId == d.Id),
                db.Prisoners.IgnoreQueryFilters().Count(p => p.DeskId == d.Id)))
            .ToListAsync(ct);

    /// <summary>One desk's name (a record's page shows it): one row by key, not <see cref="ListAsync"/>'s counts over every record.</summary>
    public Task<string?> NameOfAsync(int id, CancellationToken ct) =>
        db.Desks.Where(d => d.Id == id).Select(d => d.Name).FirstOrDefaultAsync(ct);

    /// <summary>The desks a user may file a record under: all for administrators, their own for officers.</summary>
    public async Task<IReadOnlyList<Desk>> DesksForCurrentUserAsync(CancellationToken ct) =>
        currentUser.IsAdministrator
            ? await db.Desks.OrderBy(d => d.Name).ToListAsync(ct)
            : await db.Desks.Where(d => currentUser.DeskIds.Contains(d.Id)).OrderBy(d => d.Name).ToListAsync(ct);

    public async Task<IReadOnlyList<int>> DeskIdsOfAsync(string userId, CancellationToken ct) =>
        await db.DeskMembers.Where(m => m.UserId == userId).Select(m => m.DeskId).ToListAsync(ct);

    public async Task<ServiceResult<Desk>> CreateAsync(string? name, CancellationToken ct)
    {
        var clean = Text.Clean(name);
        if (clean is null) return ServiceResult<Desk>.Failure("Name", "Desk.Name.Required");
        if (clean.Length > Desk.NameMaxLength) return ServiceResult<Desk>.Failure("Name", "Common.TooLong", Desk.NameMaxLength);
        if (await db.Desks.AnyAsync(d => d.Name == clean, ct)) return ServiceResult<Desk>.Failure("Name", "Desk.Name.Taken");

        var desk = new Desk(clean);
        db.Desks.Add(desk);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Desk {DeskId} created by {UserId}", desk.Id, currentUser.UserId);
        return ServiceResult<Desk>.Success(desk);
    }

    /// <summary>Replaces a user's desk memberships with <paramref name="deskIds"/>; an unknown desk refuses the whole change.</summary>
    public async Task<ServiceResult<bool>> SetMembershipAsync(string userId, IReadOnlyCollection<int> deskIds, CancellationToken ct)
    {
        if (!await db.Users.AnyAsync(u => u.Id == userId, ct)) return ServiceResult<bool>.NotFound();
        var wanted = await db.Desks.Where(d => deskIds.Contains(d.Id)).Select(d => d.Id).ToListAsync(ct);
        if (wanted.Count != deskIds.Distinct().Count()) return ServiceResult<bool>.Failure("", "Desk.Unknown");
        var current = await db.DeskMembers.Where(m => m.UserId == userId).ToListAsync(ct);
        db.DeskMembers.RemoveRange(current.Where(m => !wanted.Contains(m.DeskId)));
        db.DeskMembers.AddRange(wanted.Where(id => current.All(m => m.DeskId != id)).Select(id => new DeskMember(id, userId)));
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Desks of user {TargetUserId} set by {UserId}", userId, currentUser.UserId);
        return ServiceResult<bool>.Success(true);
    }
}
