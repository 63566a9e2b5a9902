using System.Text;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

using PowRegistry.Core.Common;
using PowRegistry.Core.Data;
using PowRegistry.Core.Prisoners;

namespace PowRegistry.Core.Exchange;

/// <summary>
/// Exports of the register and shares with counterparts. Both take their records from the register exactly as the user
/// sees it (<see cref="RegisterService.ListAsync"/>: same filters, need-to-know), blank sensitive fields on records
/// the user may not see them on, neutralise formula cells, and write an entry in the transfer register.
/// </summary>
public sealed class ExchangeService(PowRegistryDbContext db, RegisterService prisoners, CurrentUser currentUser, PseudonymKey pseudonyms,
    TimeProvider clock, ILogger<ExchangeService> logger)
{
    public const int MaxRecords = 10_000;
    public const string PseudonymColumn = "pseudonym";

    public async Task<ServiceResult<ExportFile>> ExportAsync(RegisterQuery query, IEnumerable<string>? columnNames, string? filter, Actor actor, CancellationToken ct)
    {
        var columns = ExportColumns.Pick(columnNames);
        if (columns.Count == 0) return ServiceResult<ExportFile>.Failure("Columns", "Export.Columns.Required");
        var ids = await MatchingIdsAsync(query, ct);
        if (ids is null) return TooMany<ExportFile>();

        var records = await LoadAsync(ids, ct);
        var csv = new StringBuilder();
        csv.Append(Csv.Line(columns.Select(c => c.Name)));
        foreach (var p in records) csv.Append(Csv.Line(columns.Select(c => ValueOf(c, p))));

        db.Transfers.Add(Transfer.Export(actor, clock.GetUtcNow(), columns.Select(c => c.Name).ToList(), records.Count, Shorten(filter)));
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Register export by {UserId}: {Count} records", actor.UserId, records.Count);
        return ServiceResult<ExportFile>.Success(new ExportFile($"register-{clock.GetUtcNow():yyyyMMdd-HHmmss}.csv", Bytes(csv)));
    }

    /// <summary>
    /// Asks to share the filtered register with a counterpart. Without identifying columns the records go under
    /// per-recipient pseudonyms and the share is ready at once; with any, it waits for a second administrator.
    /// </summary>
    public async Task<ServiceResult<Transfer>> RequestShareAsync(RegisterQuery query, int? counterpartId, IEnumerable<string>? columnNames, string? filter, Actor actor, CancellationToken ct)
    {
        var counterpart = counterpartId is { } cid ? await db.Counterparts.AsNoTracking().FirstOrDefaultAsync(c => c.Id == cid, ct) : null;
        if (counterpart is null) return ServiceResult<Transfer>.Failure("CounterpartId", "Share.Counterpart.FromList");
        var columns = ExportColumns.Pick(columnNames);
        if (columns.Count == 0) return ServiceResult<Transfer>.Failure("Columns", "Share.Columns.Required");
        var ids = await MatchingIdsAsync(query, ct);
        if (ids is null) return TooMany<Transfer>();
        if (ids.Count == 0) return ServiceResult<Transfer>.Failure("", "Share.NoRecord");

        var withIdentities = columns.Any(c => c.Identifying);
        var transfer = Transfer.Share(actor, clock.GetUtcNow(), counterpart.Id, counterpart.Name, columns.Select(c => c.Name).ToList(), ids, Shorten(filter), withIdentities);
        db.Transfers.Add(transfer);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Share {TransferId} to counterpart {CounterpartId} requested by {UserId}: {Count} records, identities {WithIdentities}",
            transfer.Id, counterpart.Id, actor.UserId, ids.Count, withIdentities);
        return ServiceResult<Transfer>.Success(transfer);
    }

    /// <summary>A second administrator approves a share with identities. The requester cannot approve his own.</summary>
    public async Task<ServiceResult<Transfer>> ApproveAsync(int id, Actor actor, CancellationToken ct)
    {
        if (!currentUser.IsAdministrator) return ServiceResult<Transfer>.NotFound();
        var transfer = await db.Transfers.FirstOrDefaultAsync(t => t.Id == id && t.Kind == TransferKind.Share, ct);
        if (transfer is null) return ServiceResult<Transfer>.NotFound();
        if (transfer.Approve(actor, clock.GetUtcNow()) is { } refused) return ServiceResult<Transfer>.Failure(refused);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Share {TransferId} approved by {UserId}", transfer.Id, actor.UserId);
        return ServiceResult<Transfer>.Success(transfer);
    }

    /// <summary>A share as one the requester (only he) may download: the pseudonym first, then the fields shared.</summary>
    public async Task<ServiceResult<ExportFile>> DownloadShareAsync(int id, Actor actor, CancellationToken ct)
    {
        var transfer = await db.Transfers.FirstOrDefaultAsync(t => t.Id == id && t.Kind == TransferKind.Share, ct);
        if (transfer is null || transfer.RequestedBy != actor.UserId) return ServiceResult<ExportFile>.NotFound();
        if (!transfer.MayDownload) return ServiceResult<ExportFile>.Failure(Refusal.Conflict("Share.AwaitsApproval"));

        var columns = ExportColumns.Pick(transfer.FieldList);
        var records = await LoadAsync(transfer.PrisonerIdList, ct);
        var csv = new StringBuilder();
        csv.Append(Csv.Line(columns.Select(c => c.Name).Prepend(PseudonymColumn)));
        foreach (var p in records)
        {
            csv.Append(Csv.Line(columns.Select(c => ValueOf(c, p)).Prepend(pseudonyms.For(transfer.CounterpartId!.Value, p.Id))));
        }
        transfer.Downloaded(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Share {TransferId} downloaded by {UserId}", transfer.Id, actor.UserId);
        return ServiceResult<ExportFile>.Success(new ExportFile($"share-{transfer.Id}.csv", Bytes(csv)));
    }

    public async Task<Transfer?> GetAsync(int id, CancellationToken ct) => await db.Transfers.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct);

    /// <summary>Shares the user may see: his own; administrators see all (to approve).</summary>
    public async Task<IReadOnlyList<TransferRow>> SharesAsync(CancellationToken ct)
    {
        var shares = db.Transfers.AsNoTracking().Where(t => t.Kind == TransferKind.Share);
        if (!currentUser.IsAdministrator) shares = shares.Where(t => t.RequestedBy == currentUser.UserId);
        return await RowsAsync(shares, 200, ct);
    }

    /// <summary>The transfer register, newest first: for administrators and auditors.</summary>
    public async Task<IReadOnlyList<TransferRow>> RegisterAsync(int take, CancellationToken ct) => await RowsAsync(db.Transfers.AsNoTracking(), take, ct);

    private async Task<IReadOnlyList<TransferRow>> RowsAsync(IQueryable<Transfer> transfers, int take, CancellationToken ct)
    {
        var list = await transfers.OrderByDescending(t => t.Id).Take(take).ToListAsync(ct);
        var userIds = list.Select(t => t.RequestedBy).Concat(list.Select(t => t.ApprovedBy)).OfType<string>().Distinct().ToList();
        var names = await db.Users.Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName ?? u.Email ?? u.Id, ct);
        string NameOf(string id) => names.TryGetValue(id, out var n) ? n : id;
        return list.Select(t => new TransferRow(t, NameOf(t.RequestedBy), t.ApprovedBy is null ? null : NameOf(t.ApprovedBy))).ToList();
    }

    /// <summary>Ids of the register as the user sees it with these filters, in register order; null when more than <see cref="MaxRecords"/>.</summary>
    private async Task<List<int>?> MatchingIdsAsync(RegisterQuery query, CancellationToken ct)
    {
        var ids = new List<int>();
        var page = query.FirstPage(200);
        while (true)
        {
            var result = await prisoners.ListAsync(page, ct);
            ids.AddRange(result.Rows.Select(r => r.Id));
            if (ids.Count > MaxRecords) return null;
            if (result.NextCursor is null) return ids;
            page.After = result.NextCursor;
        }
    }

    /// <summary>The records with their aliases, in the order of <paramref name="ids"/>; the need-to-know filter applies again.</summary>
    private async Task<List<Prisoner>> LoadAsync(IReadOnlyList<int> ids, CancellationToken ct)
    {
        var loaded = new Dictionary<int, Prisoner>();
        foreach (var chunk in ids.Chunk(500))
        {
            foreach (var p in await db.Prisoners.AsNoTracking().Include(p => p.Aliases).Where(p => chunk.Contains(p.Id)).ToListAsync(ct)) loaded[p.Id] = p;
        }
        return ids.Where(loaded.ContainsKey).Select(i => loaded[i]).ToList();
    }

    private string? ValueOf(ExportColumn column, Prisoner p) =>
        column.Sensitive && !currentUser.MaySeeSensitive(p.DeskId) ? "" : column.Value(p);

    private static byte[] Bytes(StringBuilder csv) => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];

    private static string? Shorten(string? filter) => filter is { Length: > Limits.LongText } ? filter[..Limits.LongText] : filter;

    private static ServiceResult<T> TooMany<T>() =>
        ServiceResult<T>.Failure("", "Export.TooMany", MaxRecords);
}
