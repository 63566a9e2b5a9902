using PowRegistry.Core.Common;
using PowRegistry.Core.Consultations;
using PowRegistry.Core.Desks;

namespace PowRegistry.Core.Tests.Consultations;

/// <summary>The consultation's table of allowed status moves (ADR-013), on the entity and through the service.</summary>
public sealed class ConsultationStatusTests(TestServices app) : IClassFixture<TestServices>
{
    private static readonly DateTimeOffset Start = TestServices.Now;
    private static readonly Actor Officer = TestServices.Officer;

    private static ConsultationStatus[] All => Enum.GetValues<ConsultationStatus>();

    public static TheoryData<ConsultationStatus, ConsultationStatus> AllowedMoves()
    {
        var data = new TheoryData<ConsultationStatus, ConsultationStatus>();
        foreach (var from in All)
        {
            foreach (var to in Consultation.NextSteps(from)) data.Add(from, to);
        }
        return data;
    }

    public static TheoryData<ConsultationStatus, ConsultationStatus> RefusedMoves()
    {
        var data = new TheoryData<ConsultationStatus, ConsultationStatus>();
        foreach (var from in All)
        {
            foreach (var to in All.Where(to => to != from && !Consultation.NextSteps(from).Contains(to))) data.Add(from, to);
        }
        return data;
    }

    /// <summary>A new consultation (proposed), moved to <paramref name="status"/>: every status is one step from proposed.</summary>
    private static Consultation At(ConsultationStatus status)
    {
        var consultation = new Consultation(
            new ConsultationInput { Title = "Talks", Channel = ConsultationChannel.Meeting, Date = "2025-05-20", CounterpartIds = [1] },
            new DateOnly(2025, 5, 20), Desk.DefaultDeskId, [1], [], [], Officer, Start);
        if (status != ConsultationStatus.Proposed) Assert.Empty(consultation.ChangeStatus(status, Officer, Start));
        Assert.Equal(status, consultation.Status);
        return consultation;
    }

    [Theory]
    [MemberData(nameof(AllowedMoves))]
    public void EveryAllowedMove_Works_AndIsRecorded(ConsultationStatus from, ConsultationStatus to)
    {
        var consultation = At(from);
        var later = Start.AddHours(1);

        Assert.Empty(consultation.ChangeStatus(to, TestServices.OtherOfficer, later));

        Assert.Equal(to, consultation.Status);
        var change = consultation.Changes[^1];
        Assert.Equal((from, to, TestServices.OtherOfficer.UserId, later), (change.From!.Value, change.To, change.ChangedBy, change.ChangedAt));
        Assert.Equal(later, consultation.LastActivityAt);
    }

    [Theory]
    [MemberData(nameof(RefusedMoves))]
    public void ARefusedMove_SaysWhy_AndChangesNothing(ConsultationStatus from, ConsultationStatus to)
    {
        var consultation = At(from);
        var changes = consultation.Changes.Count;
        var lastActivity = consultation.LastActivityAt;

        var refusals = consultation.ChangeStatus(to, Officer, Start.AddHours(1));

        var refusal = Assert.Single(refusals);
        Assert.Equal(RefusalKind.Invalid, refusal.Kind);
        Assert.StartsWith("Consultation.Status.", refusal.Message.Key, StringComparison.Ordinal);
        Assert.Equal(from, consultation.Status);
        Assert.Equal(changes, consultation.Changes.Count);
        Assert.Equal(lastActivity, consultation.LastActivityAt);
    }

    private static Refusal NotAllowed(ConsultationStatus from, ConsultationStatus to) =>
        Refusal.Invalid("Consultation.Status.NotAllowed", Consultation.StatusWord(from), Consultation.StatusWord(to)).On("Status");

    private static Refusal Finished(ConsultationStatus status) => Refusal.Invalid("Consultation.Status.Finished", Consultation.StatusWord(status)).On("Status");

    [Fact]
    public void ARefusal_NamesBothStatuses()
    {
        Assert.Equal([NotAllowed(ConsultationStatus.Held, ConsultationStatus.Scheduled)], At(ConsultationStatus.Held).ChangeStatus(ConsultationStatus.Scheduled, Officer, Start));
        Assert.Equal([NotAllowed(ConsultationStatus.AgreedInPrinciple, ConsultationStatus.Proposed)],
            At(ConsultationStatus.AgreedInPrinciple).ChangeStatus(ConsultationStatus.Proposed, Officer, Start));
    }

    [Theory]
    [InlineData(ConsultationStatus.Implemented)]
    [InlineData(ConsultationStatus.Closed)]
    public void AFinishedConsultation_CannotMove(ConsultationStatus finished)
    {
        Assert.Empty(Consultation.NextSteps(finished));
        foreach (var to in All.Where(s => s != finished))
        {
            var consultation = At(finished);
            Assert.Equal([Finished(finished)], consultation.ChangeStatus(to, Officer, Start.AddHours(1)));
            Assert.Equal(finished, consultation.Status);
            Assert.Equal(2, consultation.Changes.Count);
        }
    }

    [Fact]
    public void TheStatusItAlreadyHas_ChangesNothing_AndIsNotRefused()
    {
        var consultation = At(ConsultationStatus.Held);
        Assert.Empty(consultation.ChangeStatus(ConsultationStatus.Held, Officer, Start.AddHours(1)));
        Assert.Equal(2, consultation.Changes.Count);
        Assert.Equal(Start, consultation.LastActivityAt);
    }

    [Fact]
    public void EveryOpenStatus_CanStallOrClose_AndAStalledOneCanResume()
    {
        foreach (var open in All.Where(s => s is not (ConsultationStatus.Implemented or ConsultationStatus.Closed or ConsultationStatus.Stalled)))
        {
            Assert.Contains(ConsultationStatus.Stalled, Consultation.NextSteps(open));
            Assert.Contains(ConsultationStatus.Closed, Consultation.NextSteps(open));
            Assert.Contains(open, Consultation.NextSteps(ConsultationStatus.Stalled));
        }
    }

    [Fact]
    public async Task TheService_ReturnsTheRefusal_OnTheStatusField_AndSavesNothing()
    {
        var counterpart = (await app.Run<ConsultationService, ServiceResult<Counterpart>>(c => c.AddCounterpartAsync("UNHCR", CounterpartKind.Unhcr, null, CancellationToken.None))).Value!;
        var created = (await app.Run<ConsultationService, ServiceResult<Consultation>>(c => c.CreateAsync(new ConsultationInput
        {
            Title = "Resettlement places",
            Channel = ConsultationChannel.Call,
            Date = "2025-06-01",
            CounterpartIds = [counterpart.Id],
            DeskId = Desk.DefaultDeskId,
        }, Officer, CancellationToken.None))).Value!;
        Assert.True((await app.Run<ConsultationService, ServiceResult<Consultation>>(c => c.ChangeStatusAsync(created.Id, ConsultationStatus.Closed, Officer, CancellationToken.None))).Succeeded);

        var refused = await app.Run<ConsultationService, ServiceResult<Consultation>>(c => c.ChangeStatusAsync(created.Id, ConsultationStatus.Held, Officer, CancellationToken.None));

        Assert.False(refused.Succeeded);
        Assert.Equal([Finished(ConsultationStatus.Closed)], refused.Errors);
        var stored = (await app.Run<ConsultationService, Consultation?>(c => c.GetAsync(created.Id, CancellationToken.None)))!;
        Assert.Equal(ConsultationStatus.Closed, stored.Status);
        Assert.Equal([ConsultationStatus.Proposed, ConsultationStatus.Closed], stored.Changes.OrderBy(c => c.Id).Select(c => c.To));
    }
}
