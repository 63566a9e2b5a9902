using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using PowRegistry.Core.Audit;
using PowRegistry.Core.Common;
using PowRegistry.Core.Consultations;
using PowRegistry.Core.Data;
using PowRegistry.Core.Prisoners;
using PowRegistry.Core.Retention;

namespace PowRegistry.Core.Tests.Retention;

/// <summary>Consultation documents older than DocumentYears (10) are removed by the run, audited, unless they concern a man on legal hold.</summary>
public sealed class DocumentRetentionTests : IAsyncLifetime
{
    private readonly TestServices _app = new();

    public Task InitializeAsync() => _app.InitializeAsync();
    public Task DisposeAsync() => _app.DisposeAsync();

    private async Task<int> DocumentAsync(string title, string? prisonerReference = null)
    {
        await using var scope = _app.Scope();
        var consultations = scope.ServiceProvider.GetRequiredService<ConsultationService>();
        var counterpart = (await consultations.AddCounterpartAsync($"Ministry {title}", CounterpartKind.Ministry, "KR", CancellationToken.None)).Value!;
        var consultation = (await consultations.CreateAsync(new ConsultationInput
        {
            Title = title,
            Channel = ConsultationChannel.Meeting,
            Date = DateOnly.FromDateTime(_app.Clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            CounterpartIds = [counterpart.Id],
            PrisonerReferences = prisonerReference,
            DeskId = 1,
        }, TestServices.Officer, CancellationToken.None)).Value!;
        var bytes = "%PDF-1.4 minutes"u8.ToArray();
        var added = await consultations.AddDocumentAsync(consultation.Id, "minutes.pdf", bytes.Length, new MemoryStream(bytes), TestServices.Officer, CancellationToken.None);
        Assert.True(added.Succeeded, string.Join(", ", added.Errors.Select(e => e.Message.Key)));
        return consultation.Id;
    }

    private Task<List<int>> ConsultationsWithDocumentsAsync() =>
        _app.Run<PowRegistryDbContext, List<int>>(db => db.ConsultationDocuments.Select(d => d.ConsultationId).ToListAsync());

    [Fact]
    public async Task DocumentsPastTheirYears_AreRemoved_Audited_UnlessTheyConcernAManOnLegalHold()
    {
        var held = (await _app.Run<PrisonerService, ServiceResult<Prisoner>>(s => s.CreateAsync(new PrisonerInput { FamilyName = "Held", DuplicatesChecked = true }, TestServices.Officer, CancellationToken.None))).Value!;
        await using (var admin = _app.ScopeAs("admin-1", administrator: true))
        {
            Assert.True((await admin.ServiceProvider.GetRequiredService<RetentionService>().PlaceHoldAsync(held.Id, "Inquiry", new Actor("admin-1"), CancellationToken.None)).Succeeded);
        }
        var old = await DocumentAsync("Old");
        var oldButHeld = await DocumentAsync("Old, about a held man", held.Reference);
        _app.Clock.Advance(TimeSpan.FromDays(365 * 5));
        var recent = await DocumentAsync("Recent");
        _app.Clock.Advance(TimeSpan.FromDays(365 * 6));

        var (due, _) = await _app.Run<RetentionService, (int, int)>(s => s.OtherDueCountsAsync(CancellationToken.None));
        Assert.Equal(1, due);
        var run = await _app.Run<RetentionService, RetentionRun>(s => s.ApplyAsync(Actor.System, CancellationToken.None));
        Assert.Equal(1, run.DocumentsRemoved);

        var left = await ConsultationsWithDocumentsAsync();
        Assert.DoesNotContain(old, left);
        Assert.Contains(oldButHeld, left);
        Assert.Contains(recent, left);
        var entries = await _app.Run<PowRegistryDbContext, List<AuditEntry>>(db => db.AuditEntries.Where(e => e.EntityType == nameof(ConsultationDocument) && e.Action == AuditActions.Delete).ToListAsync());
        Assert.Contains("minutes.pdf", Assert.Single(entries).Changes, StringComparison.Ordinal);
        Assert.True((await _app.Run<PowRegistryDbContext, AuditVerification>(db => db.VerifyAuditAsync(CancellationToken.None))).Intact);
    }
}
