using PowRegistry.Core.Common;
using PowRegistry.Core.Consultations;
using PowRegistry.Core.Desks;
using PowRegistry.Core.Prisoners;

namespace PowRegistry.Core.Tests.Consultations;

public sealed class ConsultationServiceTests(TestServices app) : IClassFixture<TestServices>
{
    private async Task<Counterpart> CounterpartAsync(string name) =>
        (await app.Run<ConsultationService, ServiceResult<Counterpart>>(c => c.AddCounterpartAsync(name, CounterpartKind.Ministry, "UA", CancellationToken.None))).Value!;

    [Fact]
    public async Task AConsultation_AboutTwoPrisoners_IsListedOnTheirRecords_AndItsStatusChangesAreKept()
    {
        var ministry = await CounterpartAsync("Ministry of Foreign Affairs of Ukraine " + Guid.NewGuid().ToString("N")[..4]);
        var prisoners = new List<Prisoner>();
        for (var i = 0; i < 2; i++)
        {
            prisoners.Add((await app.Run<PrisonerService, ServiceResult<Prisoner>>(s => s.CreateAsync(new PrisonerInput { FamilyName = "Consulted" + i + Guid.NewGuid().ToString("N")[..4], DeskId = Desk.DefaultDeskId, DuplicatesChecked = true }, TestServices.Officer, CancellationToken.None))).Value!);
        }
        var created = await app.Run<ConsultationService, ServiceResult<Consultation>>(c => c.CreateAsync(new ConsultationInput
        {
            Title = "Transfers to the Republic of Korea",
            Channel = ConsultationChannel.Meeting,
            Date = "2025-05-20",
            CounterpartIds = [ministry.Id],
            PrisonerReferences = $"{prisoners[0].Reference}, {prisoners[1].Reference.ToLowerInvariant()}",
        }, TestServices.Officer, CancellationToken.None));
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Message)));

        foreach (var prisoner in prisoners)
        {
            var concerning = await app.Run<ConsultationService, IReadOnlyList<Consultation>>(c => c.ConcerningAsync(prisoner.Id, CancellationToken.None));
            Assert.Contains(concerning, c => c.Id == created.Value!.Id);
        }

        await app.Run<ConsultationService, ServiceResult<Consultation>>(c => c.ChangeStatusAsync(created.Value!.Id, ConsultationStatus.Held, TestServices.Officer, CancellationToken.None));
        await app.Run<ConsultationService, ServiceResult<Consultation>>(c => c.ChangeStatusAsync(created.Value!.Id, ConsultationStatus.FollowUpPending, TestServices.OtherOfficer, CancellationToken.None));
        var stored = (await app.Run<ConsultationService, Consultation?>(c => c.GetAsync(created.Value!.Id, CancellationToken.None)))!;
        Assert.Equal(ConsultationStatus.FollowUpPending, stored.Status);
        Assert.Equal([ConsultationStatus.Proposed, ConsultationStatus.Held, ConsultationStatus.FollowUpPending], stored.Changes.OrderBy(c => c.Id).Select(c => c.To));
        Assert.Equal(TestServices.OtherOfficer.UserId, stored.Changes.OrderBy(c => c.Id).Last().ChangedBy);
    }

    [Theory]
    [InlineData("", "ConsultationInput.Title.Required")]
    [InlineData("no counterpart", "ConsultationInput.CounterpartIds.Required")]
    [InlineData("unknown prisoner", "ConsultationInput.PrisonerReferences.Unknown")]
    [InlineData("bad date", "ConsultationInput.Date.Invalid")]
    public async Task Refusals_SayWhatIsWrong(string @case, string message)
    {
        var ministry = await CounterpartAsync("Agency " + Guid.NewGuid().ToString("N")[..6]);
        var input = new ConsultationInput
        {
            Title = @case == "" ? " " : "Talks",
            Channel = ConsultationChannel.Call,
            Date = @case == "bad date" ? "20/05/2025" : "2025-05-20",
            CounterpartIds = @case == "no counterpart" ? [] : [ministry.Id],
            PrisonerReferences = @case == "unknown prisoner" ? "POW-1999-999999" : null
        };
        var result = await app.Run<ConsultationService, ServiceResult<Consultation>>(c => c.CreateAsync(input, TestServices.Officer, CancellationToken.None));
        Assert.Contains(result.Errors, e => e.Message.Key == message);
    }

    [Fact]
    public async Task ActionItems_ForAColleague_AreHisOverdueFirst_UntilDone()
    {
        var ministry = await CounterpartAsync("UNHCR " + Guid.NewGuid().ToString("N")[..4]);
        var colleague = new Core.Accounts.AppUser { UserName = $"colleague-{Guid.NewGuid():N}", DisplayName = "Colleague" };
        await app.Run<Core.Data.PowRegistryDbContext, int>(db =>
        {
            db.Users.Add(colleague);
            db.DeskMembers.Add(new DeskMember(Desk.DefaultDeskId, colleague.Id)); // an owner must be able to see the consultation
            return db.SaveChangesAsync();
        });
        var consultation = (await app.Run<ConsultationService, ServiceResult<Consultation>>(c => c.CreateAsync(new ConsultationInput
        {
            Title = "General arrangements",
            Channel = ConsultationChannel.DiplomaticNote,
            Date = "2025-05-01",
            CounterpartIds = [ministry.Id],
        }, TestServices.Officer, CancellationToken.None))).Value!;
        Assert.True(consultation.IsGeneral);

        await app.Run<ConsultationService, ServiceResult<ActionItem>>(c => c.AddActionItemAsync(consultation.Id, "Send the list", colleague.Id, "2025-06-30", TestServices.Officer, CancellationToken.None));
        var overdue = (await app.Run<ConsultationService, ServiceResult<ActionItem>>(c => c.AddActionItemAsync(consultation.Id, "Reply to the note", colleague.Id, "2025-05-15", TestServices.Officer, CancellationToken.None))).Value!;
        var refused = await app.Run<ConsultationService, ServiceResult<ActionItem>>(c => c.AddActionItemAsync(consultation.Id, " ", colleague.Id, "2025-05-15", TestServices.Officer, CancellationToken.None));
        Assert.Contains(refused.Errors, e => e.Message.Key == "ActionItem.What.Required");

        var mine = await app.Run<ConsultationService, IReadOnlyList<MyActionItem>>(c => c.ActionItemsOfAsync(colleague.Id, CancellationToken.None));
        Assert.Equal(["Reply to the note", "Send the list"], mine.Select(i => i.What));
        Assert.True(mine[0].Overdue);
        Assert.False(mine[1].Overdue);

        await app.Run<ConsultationService, ServiceResult<bool>>(c => c.CompleteActionItemAsync(consultation.Id, overdue.Id, new Actor(colleague.Id), CancellationToken.None));
        Assert.Equal(["Send the list"], (await app.Run<ConsultationService, IReadOnlyList<MyActionItem>>(c => c.ActionItemsOfAsync(colleague.Id, CancellationToken.None))).Select(i => i.What));
    }
}
