using Microsoft.Extensions.Caching.Memory;

using PowRegistry.Core.Exchange;
using PowRegistry.Core.Prisoners;

namespace PowRegistry.Web.Pages.Prisoners;

/// <summary>
/// The checked rows of each user's current import preview, kept in this instance's memory so that paging through a
/// preview does not check the whole file again (100,000 rows took seconds per page). Only what the preview page shows
/// is kept (row, name, date of birth, service number, errors, possible duplicates), and at most
/// <see cref="MaxRows"/> rows over all users. The file itself stays in the shared database cache (ADR-022): a page
/// asked of another instance, or after this one forgot the rows, checks the stored file again, as before. Confirming
/// always checks the file again, so a preview page never decides what is saved.
/// </summary>
public sealed class CheckedPreviews : IDisposable
{
    /// <summary>Rows kept over all users: one full-size file (~100 bytes a row), so memory stays bounded.</summary>
    public const int MaxRows = PrisonerImport.MaxRows;

    private readonly MemoryCache _rows = new(new MemoryCacheOptions { SizeLimit = MaxRows });

    public void Keep(string userId, string previewId, ImportPreview preview, TimeSpan lifetime)
    {
        var shown = new ImportPreview(preview.FileErrors, preview.Rows.Select(r => r with { Input = Shown(r.Input) }).ToList());
        _rows.Set(userId, (previewId, shown), new MemoryCacheEntryOptions { Size = Math.Max(1, shown.Rows.Count), AbsoluteExpirationRelativeToNow = lifetime });
    }

    /// <summary>The rows checked for this preview of this user, or null (another preview, another instance, or forgotten).</summary>
    public ImportPreview? Find(string userId, string previewId) =>
        _rows.TryGetValue(userId, out (string PreviewId, ImportPreview Preview) kept) && string.Equals(kept.PreviewId, previewId, StringComparison.Ordinal)
            ? kept.Preview
            : null;

    public void Forget(string userId) => _rows.Remove(userId);

    public void Dispose() => _rows.Dispose();

    /// <summary>The values of a row the preview page shows (<see cref="ImportRow.Name"/> and the two columns), not the whole row.</summary>
    private static PrisonerInput Shown(PrisonerInput input) => new()
    {
        FamilyName = input.FamilyName,
        GivenNames = input.GivenNames,
        InitialAlias = input.InitialAlias,
        DateOfBirth = input.DateOfBirth,
        ServiceNumber = input.ServiceNumber,
    };
}
