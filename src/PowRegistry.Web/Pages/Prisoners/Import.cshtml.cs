using System.Security.Cryptography;
using System.Text;

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Caching.Distributed;

using PowRegistry.Core.Common;
using PowRegistry.Core.Desks;
using PowRegistry.Core.Exchange;

namespace PowRegistry.Web.Pages.Prisoners;

/// <summary>
/// Import prisoners from a CSV file: upload → preview (nothing saved) → confirm. Between the two requests the uploaded
/// bytes wait server-side in one slot per user (a new upload replaces the last, so memory stays bounded) together with
/// a random id the confirm form must carry; on confirm they are parsed and checked again, so nothing the browser sends
/// back is trusted except the choice of skipping invalid rows. The checked rows are kept for paging (<see cref="CheckedPreviews"/>).
/// </summary>
public sealed class ImportModel(PrisonerImport import, DeskService desks, CurrentUser currentUser, IDistributedCache cache, CheckedPreviews checkedPreviews) : PageModel
{
    private static readonly TimeSpan PreviewLifetime = TimeSpan.FromMinutes(30);

    [BindProperty] public int? DeskId { get; set; }
    [BindProperty] public string? PreviewId { get; set; }
    [BindProperty] public bool SkipInvalid { get; set; }

    /// <summary>The page of the preview shown (<see cref="RowsPerPage"/> rows each): 100,000 rows are not one page.</summary>
    [BindProperty(SupportsGet = true)] public int PreviewPage { get; set; } = 1;

    /// <summary>Only the rows with errors or possible duplicates.</summary>
    [BindProperty(SupportsGet = true)] public bool ProblemsOnly { get; set; }

    public const int RowsPerPage = 50;

    public ImportPreview? Preview { get; private set; }
    public ImportOutcome? Outcome { get; private set; }
    public string? Message { get; private set; }
    public IReadOnlyList<SelectListItem> DeskOptions { get; private set; } = [];

    public Task OnGetAsync(CancellationToken ct) => OfferDesksAsync(ct);

    /// <summary>
    /// Another page of the user's current preview (nothing the browser sends is trusted but the page asked for): the
    /// rows as checked at upload, kept by this instance, or else the stored file checked again (another instance, or
    /// the rows forgotten). Confirming checks the file again in any case.
    /// </summary>
    public async Task<IActionResult> OnGetPreviewAsync(CancellationToken ct)
    {
        await OfferDesksAsync(ct);
        var stored = await cache.GetAsync(Key, ct);
        if (stored is null || Unpack(stored) is not { } unpacked)
        {
            Message = "This preview has expired: upload the file again. Nothing was saved.";
            return Page();
        }
        (PreviewId, DeskId, var bytes) = unpacked;
        Preview = checkedPreviews.Find(currentUser.UserId, PreviewId);
        if (Preview is null)
        {
            Preview = await import.PreviewAsync(bytes, DeskId, ct);
            checkedPreviews.Keep(currentUser.UserId, PreviewId, Preview, PreviewLifetime);
        }
        return Page();
    }

    /// <summary>The rows of the preview on this page (all rows, or only those with errors or possible duplicates).</summary>
    public IReadOnlyList<ImportRow> RowsOnPage(out int pages)
    {
        var rows = Preview?.Rows.Where(r => !ProblemsOnly || !r.IsValid || r.PossibleDuplicates.Count > 0).ToList() ?? [];
        pages = Math.Max(1, (rows.Count + RowsPerPage - 1) / RowsPerPage);
        PreviewPage = Math.Clamp(PreviewPage, 1, pages);
        return rows.Skip((PreviewPage - 1) * RowsPerPage).Take(RowsPerPage).ToList();
    }

    public IActionResult OnGetTemplate() =>
        File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(ImportColumns.Template())).ToArray(), "text/csv; charset=utf-8", "prisoner-import-template.csv");

    public async Task<IActionResult> OnPostPreviewAsync(IFormFile? file, CancellationToken ct)
    {
        await OfferDesksAsync(ct);
        if (file is null)
        {
            Message = "Choose a CSV file to upload.";
            return Page();
        }
        if (file.Length > PrisonerImport.MaxBytes)
        {
            Message = $"The file is larger than {PrisonerImport.MaxBytes / 1024} KB: split it into smaller files (at most {PrisonerImport.MaxRows:N0} rows each). Nothing was saved.";
            return Page();
        }
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        var bytes = buffer.ToArray();

        Preview = await import.PreviewAsync(bytes, DeskId, ct);
        if (!Preview.Refused)
        {
            PreviewId = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
            await cache.SetAsync(Key, Pack(PreviewId, DeskId, bytes), new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = PreviewLifetime }, ct);
            checkedPreviews.Keep(currentUser.UserId, PreviewId, Preview, PreviewLifetime);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostImportAsync(CancellationToken ct)
    {
        await OfferDesksAsync(ct);
        var stored = await cache.GetAsync(Key, ct);
        if (stored is null || Unpack(stored) is not { } unpacked || !string.Equals(unpacked.PreviewId, PreviewId, StringComparison.Ordinal))
        {
            Message = "This preview has expired or was not yours: upload the file again. Nothing was saved.";
            return Page();
        }
        var (_, deskId, bytes) = unpacked;
        DeskId = deskId;
        Outcome = await import.ImportAsync(bytes, deskId, SkipInvalid, currentUser.Actor, ct);
        if (Outcome.Saved)
        {
            await cache.RemoveAsync(Key, ct);
            checkedPreviews.Forget(currentUser.UserId);
        }
        else
        {
            Preview = await import.PreviewAsync(bytes, deskId, ct); // show the rows again, as they now stand
            checkedPreviews.Keep(currentUser.UserId, PreviewId!, Preview, PreviewLifetime);
        }
        return Page();
    }

    /// <summary>One slot per user: another user, holding the id, looks in his own slot and finds nothing.</summary>
    private string Key => $"import:{currentUser.UserId}";

    /// <summary>The preview id (32 hex characters), the desk (4 bytes, 0 = none), then the file.</summary>
    private static byte[] Pack(string previewId, int? deskId, byte[] file) =>
        [.. Encoding.ASCII.GetBytes(previewId), .. BitConverter.GetBytes(deskId ?? 0), .. file];

    private static (string PreviewId, int? DeskId, byte[] File)? Unpack(byte[] stored)
    {
        if (stored.Length < 36) return null;
        var desk = BitConverter.ToInt32(stored, 32);
        return (Encoding.ASCII.GetString(stored, 0, 32), desk == 0 ? null : desk, stored[36..]);
    }

    private async Task OfferDesksAsync(CancellationToken ct) =>
        DeskOptions = (await desks.DesksForCurrentUserAsync(ct))
            .Select(d => new SelectListItem(d.Name, d.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), d.Id == DeskId)).ToList();
}
