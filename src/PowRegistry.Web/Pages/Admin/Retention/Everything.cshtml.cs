using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

using PowRegistry.Core.Common;
using PowRegistry.Core.Retention;
using PowRegistry.Web.Infrastructure;

namespace PowRegistry.Web.Pages.Admin.Retention;

/// <summary>Everything held on one man (issue 16): one printable page, and the same as a JSON download. Each is audited when produced.</summary>
public sealed class EverythingModel(DisclosureService disclosure) : PageModel
{
    public HeldOnOneMan Held { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await disclosure.ProduceAsync(id, "page", User.Actor(), ct) is not { } held) return NotFound();
        Held = held;
        return Page();
    }

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        ReferenceHandler = ReferenceHandler.IgnoreCycles,
        Converters = { new JsonStringEnumConverter() },
        // Names in Hangul and Cyrillic as themselves, not as \u escapes: the file is for a person to read. It is a download, never HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public async Task<IActionResult> OnGetJsonAsync(int id, CancellationToken ct)
    {
        if (await disclosure.ProduceAsync(id, "json", User.Actor(), ct) is not { } held) return NotFound();
        var document = new
        {
            held.ProducedAt,
            held.Prisoner,
            held.Merges,
            held.Wishes,
            held.Requests,
            held.Consultations,
            held.Transfers,
            AccessLog = held.AccessLog.Select(e => new { e.Id, e.At, User = e.UserName, e.UserId, e.Action, e.EntityType, e.EntityId, e.Changes }),
        };
        return File(JsonSerializer.SerializeToUtf8Bytes(document, Json), "application/json", $"{held.Prisoner.Reference}.json");
    }
}
