using PowRegistry.Core.Common;
using PowRegistry.Core.Consultations;
using PowRegistry.Core.Desks;
using PowRegistry.Web.Tests.Infrastructure;

namespace PowRegistry.Web.Tests;

/// <summary>The status form on a consultation's page offers only the allowed moves and shows a refusal (ADR-013).</summary>
public sealed class ConsultationStatusPagesTests(PowRegistryFactory app) : IClassFixture<PowRegistryFactory>
{
    private async Task<int> ConsultationAsync()
    {
        var counterpart = await app.AsSystemAsync<ConsultationService, ServiceResult<Counterpart>>(c =>
            c.AddCounterpartAsync("ICRC " + Guid.NewGuid().ToString("N")[..6], CounterpartKind.Icrc, null, CancellationToken.None));
        return (await app.AsSystemAsync<ConsultationService, ServiceResult<Consultation>>(c => c.CreateAsync(
            new ConsultationInput { Title = "Visits", Channel = ConsultationChannel.Meeting, Date = "2025-06-01", CounterpartIds = [counterpart.Value!.Id], DeskId = Desk.DefaultDeskId },
            Actor.System, CancellationToken.None))).Value!.Id;
    }

    private static List<string> Offered(Session.Result page) =>
        page.Document.QuerySelectorAll("select[name=status] option").Select(o => o.TextContent.Trim()).ToList();

    [Fact]
    public async Task TheStatusList_OffersOnlyTheAllowedMoves_ARefusedMoveIsExplained_AndAFinishedOneHasNoForm()
    {
        using var admin = await app.LoginAsAdminAsync();
        var url = $"/Consultations/{await ConsultationAsync()}";

        var proposed = await admin.GetAsync(url);
        Assert.Equal(["Scheduled", "Held", "Follow-up pending", "Agreed in principle", "Implemented", "Stalled", "Closed"], Offered(proposed));

        var held = await admin.SubmitAsync(proposed, "Change status", new Dictionary<string, string?> { ["New status"] = ((int)ConsultationStatus.Held).ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal("Held", held.Document.QuerySelector("#consultation-status")!.TextContent);
        Assert.DoesNotContain("Scheduled", Offered(held));
        Assert.DoesNotContain("Held", Offered(held));

        var refused = await admin.PostRawAsync(held, $"{url}?handler=Status", [new("status", ((int)ConsultationStatus.Scheduled).ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        Assert.Contains("A consultation that is held cannot become scheduled.", refused.ErrorFor("Status"), StringComparison.Ordinal);
        Assert.Equal("Held", refused.Document.QuerySelector("#consultation-status")!.TextContent);

        var closed = await admin.SubmitAsync(held, "Change status", new Dictionary<string, string?> { ["New status"] = ((int)ConsultationStatus.Closed).ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal("Closed", closed.Document.QuerySelector("#consultation-status")!.TextContent);
        Assert.Null(closed.Document.QuerySelector("select[name=status]"));
        Assert.NotNull(closed.Document.QuerySelector("#status-final"));
    }
}
