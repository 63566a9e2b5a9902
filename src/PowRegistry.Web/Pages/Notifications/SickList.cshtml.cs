using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

using PowRegistry.Core.Notifications;

namespace PowRegistry.Web.Pages.Notifications;

/// <summary>The weekly list of the seriously sick or wounded and of those in hospital (GC III Art. 122), for printing.</summary>
public sealed class SickListModel(NotificationService notifications) : PageModel
{
    /// <summary>"2025-W23" as &lt;input type="week"&gt; sends it; empty for this week.</summary>
    [FromQuery(Name = "week")] public string? WeekText { get; set; }

    public SickList List { get; private set; } = null!;
    public string? WeekMessage { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var day = notifications.Today;
        if (!string.IsNullOrWhiteSpace(WeekText))
        {
            if (IsoWeek.TryParse(WeekText, out var monday)) day = monday;
            else WeekMessage = "Enter the week as YYYY-Www (for example 2025-W23): showing this week.";
        }
        List = await notifications.SickListAsync(day, ct);
    }
}
