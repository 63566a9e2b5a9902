using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

using PowRegistry.Core.Common;
using PowRegistry.Core.Data;
using PowRegistry.Core.Prisoners;

namespace PowRegistry.Core.Demo;

/// <summary>
/// A clearly fictional register for a first look (--seed-demo). Every record's notes say it is fictional,
/// and service numbers start with DEMO-. It fills every feature so that every figure and chart of the review shows
/// something: wish statements of every kind, requests in each state, counterparts, consultations in several states with
/// action items (some overdue, when an administrator exists to own them), and the capture-card notifications every
/// registration owes (some sent). Everything goes through the services, so every rule and safeguard applies; a step a
/// safeguard refuses is left out, not forced.
/// </summary>
public sealed class DemoData(
    PowRegistryDbContext db,
    PrisonerService prisoners,
    Wishes.WishService wishes,
    Requests.RequestService requests,
    Consultations.ConsultationService consultations,
    TimeProvider clock,
    ILogger<DemoData> logger)
{
    public const int PrisonerCount = 48;

    private static readonly string[] FamilyNames = ["Kim", "Ri", "Pak", "Choe", "Jong", "Kang", "Jo", "Yun", "Jang", "Han", "O", "So"];
    private static readonly string[] HangulFamilyNames = ["김", "리", "박", "최", "정", "강", "조", "윤", "장", "한", "오", "서"];
    private static readonly string[] GivenNames = ["Chol Min", "Yong Chol", "Song Il", "Myong Ho", "Kwang Su", "Hyok", "Jin Hyok", "Un Chol", "Chol Jun", "Nam Il", "Song Min", "Il Gwang"];
    private static readonly string[] Ranks = ["Private", "Junior sergeant", "Sergeant", "Lieutenant"];
    private static readonly string[] Places = ["Kursk region", "Sumy region", "Kharkiv region"];

    public async Task SeedAsync(CancellationToken ct)
    {
        if (await db.Prisoners.AnyAsync(ct))
        {
            logger.LogInformation("Demo data not added: the register already has records");
            return;
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        for (var i = 0; i < PrisonerCount; i++)
        {
            var captured = today.AddDays(-30 - (i * 7));
            var input = new PrisonerInput
            {
                FamilyName = FamilyNames[i % FamilyNames.Length],
                FamilyNameSource = InformationSource.Stated,
                GivenNames = GivenNames[(i * 5) % GivenNames.Length],
                GivenNamesSource = InformationSource.Stated,
                Rank = Ranks[i % Ranks.Length],
                RankSource = i % 3 == 0 ? InformationSource.DocumentCarried : InformationSource.Stated,
                ServiceNumber = i % 6 == 5 ? null : $"DEMO-{1000 + i}",
                ServiceNumberDeclined = i % 6 == 5,
                DateOfBirth = i % 4 == 0 ? $"{1995 + (i % 9)}" : $"{1995 + (i % 9)}-{1 + (i % 12):D2}-{1 + (i % 27):D2}",
                DateOfBirthSource = InformationSource.Stated,
                Nationality = "KP",
                PowerDependedOn = "RU",
                Unit = $"Fictional unit {100 + (i % 5)}",
                DateOfCapture = captured.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                PlaceOfCapture = Places[i % Places.Length],
                DetainingPower = "UA",
                PlaceOfInternment = i % 2 == 0 ? "Fictional camp A" : "Fictional camp B",
                HealthStatus = (HealthStatus)(1 + (i % 4)),
                Languages = "Korean",
                InterpreterNeeded = true,
                Notes = "DEMO — fictional record for a first look at PowRegistry. Not a real person.",
                DuplicatesChecked = true, // fictional namesakes on purpose
            };
            var created = await prisoners.CreateAsync(input, Actor.System, ct);
            if (!created.Succeeded) throw new InvalidOperationException("Demo record refused: " + string.Join("; ", created.Errors.Select(e => e.Message)));
            var id = created.Value!.Id;

            await prisoners.AddAliasAsync(id, new AliasInput
            {
                Name = HangulFamilyNames[i % HangulFamilyNames.Length] + " (Hangul, demo)",
                Source = InformationSource.Stated,
                Confidence = Confidence.High,
            }, Actor.System, ct);
            await prisoners.AddCustodyEventAsync(id, Event(CustodyEventKind.Registered, captured.AddDays(2), "Fictional camp A"), Actor.System, ct);
            if (i % 3 != 0) await prisoners.AddCustodyEventAsync(id, Event(CustodyEventKind.IcrcNotified, captured.AddDays(5), null), Actor.System, ct);
            switch (i % 8)
            {
                case 1:
                    await prisoners.AddCustodyEventAsync(id, Event(CustodyEventKind.Hospitalised, captured.AddDays(9), "Fictional hospital"), Actor.System, ct);
                    break;
                case 3:
                    await prisoners.AddCustodyEventAsync(id, Event(CustodyEventKind.Transferred, captured.AddDays(12), "Fictional camp B"), Actor.System, ct);
                    break;
                case 5 when captured.AddDays(20) <= today:
                    await prisoners.AddCustodyEventAsync(id, Event(CustodyEventKind.TransferredToThirdState, captured.AddDays(20), "Fictional handover point"), Actor.System, ct);
                    break;
                case 7 when captured.AddDays(25) <= today:
                    await prisoners.AddCustodyEventAsync(id, Event(CustodyEventKind.Repatriated, captured.AddDays(25), null), Actor.System, ct);
                    break;
            }
        }
        var ids = await db.Prisoners.OrderBy(p => p.Id).Select(p => p.Id).ToListAsync(ct);
        var requestIds = await SeedWishesAndRequestsAsync(ids, today, ct);
        var consultationCount = await SeedConsultationsAsync(ids, requestIds, today, ct);
        logger.LogInformation("Demo data added: {Count} fictional prisoners, {Requests} requests, {Consultations} consultations", PrisonerCount, requestIds.Count, consultationCount);
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A wish statement for most of them (every destination and verification), and a request for those who asked to go to South Korea, moved along to each state.</summary>
    private async Task<List<int>> SeedWishesAndRequestsAsync(List<int> ids, DateOnly today, CancellationToken ct)
    {
        var requestIds = new List<int>();
        for (var i = 0; i < ids.Count; i++)
        {
            var destination = (i % 6) switch
            {
                0 or 1 or 2 => Wishes.WishDestination.TransferToThirdState,
                3 => Wishes.WishDestination.ReturnToOrigin,
                4 => Wishes.WishDestination.Undecided,
                _ => i % 12 == 5 ? Wishes.WishDestination.RemainInDetainingState : Wishes.WishDestination.DeclinedToAnswer,
            };
            var stated = await wishes.RecordAsync(ids[i], new Wishes.WishInput
            {
                TakenOn = Iso(today.AddDays(-2 - (i % 20))),
                Place = "Fictional camp A",
                Interviewer = "Fictional ICRC delegate",
                Organisation = i % 4 == 3 ? Wishes.InterviewerOrganisation.DetainingPower : Wishes.InterviewerOrganisation.Icrc,
                Language = "Korean",
                Interpreter = "Fictional interpreter",
                PrivateInterview = i % 4 != 3,
                Destination = destination,
                DestinationState = destination == Wishes.WishDestination.TransferToThirdState ? "KR" : null,
                Certainty = 50 + (i * 7 % 50),
                Verification = i % 4 == 3 ? Wishes.WishVerification.Unverified : Wishes.WishVerification.VerifiedByNeutralParty,
                Reasons = "DEMO — fictional reasons.",
            }, Actor.System, ct);
            if (!stated.Succeeded || destination != Wishes.WishDestination.TransferToThirdState || i % 4 == 3) continue;

            var created = await requests.CreateAsync(ids[i], new Requests.RequestInput { DestinationState = "KR", WishId = stated.Value!.Id }, Actor.System, ct);
            if (!created.Succeeded) continue;
            var id = created.Value!.Id;
            requestIds.Add(id);
            // Each request goes as far along as its place in the list says, through every safeguard; it stops where one refuses.
            Requests.RequestStatus[] path = (requestIds.Count % 6) switch
            {
                1 => [],
                2 => [Requests.RequestStatus.Submitted],
                3 => [Requests.RequestStatus.Submitted, Requests.RequestStatus.UnderConsultation],
                4 => [Requests.RequestStatus.Submitted, Requests.RequestStatus.UnderConsultation, Requests.RequestStatus.Accepted],
                5 => [Requests.RequestStatus.Submitted, Requests.RequestStatus.UnderConsultation, Requests.RequestStatus.Refused],
                _ => [Requests.RequestStatus.Submitted, Requests.RequestStatus.Withdrawn],
            };
            foreach (var to in path)
            {
                if (!(await requests.MoveAsync(id, to, "DEMO", null, Actor.System, ct)).Succeeded) break;
            }
        }
        return requestIds;
    }

    /// <summary>Counterparts, and consultations about the requests in several states, with action items when someone can own them.</summary>
    private async Task<int> SeedConsultationsAsync(List<int> ids, List<int> requestIds, DateOnly today, CancellationToken ct)
    {
        var counterparts = new List<int>();
        foreach (var (name, kind, country) in new (string, Consultations.CounterpartKind, string?)[]
        {
            ("Fictional Ministry of Foreign Affairs (receiving state)", Consultations.CounterpartKind.Ministry, "KR"),
            ("Fictional Coordination Headquarters (detaining power)", Consultations.CounterpartKind.Agency, "UA"),
            ("ICRC delegation (demo)", Consultations.CounterpartKind.Icrc, null),
            ("UNHCR office (demo)", Consultations.CounterpartKind.Unhcr, null),
        })
        {
            if ((await consultations.AddCounterpartAsync(name, kind, country, ct)).Value is { } added) counterparts.Add(added.Id);
        }
        var references = await db.Prisoners.Where(p => ids.Contains(p.Id)).OrderBy(p => p.Id).Select(p => p.Reference).ToListAsync(ct);
        var owner = (await consultations.PossibleOwnersAsync(Desks.Desk.DefaultDeskId, ct)).Select(o => o.Id).FirstOrDefault();
        var statuses = new[]
        {
            Consultations.ConsultationStatus.Proposed, Consultations.ConsultationStatus.Scheduled, Consultations.ConsultationStatus.Held,
            Consultations.ConsultationStatus.FollowUpPending, Consultations.ConsultationStatus.AgreedInPrinciple, Consultations.ConsultationStatus.Stalled,
        };
        var count = 0;
        for (var i = 0; i < statuses.Length && counterparts.Count > 0; i++)
        {
            var created = await consultations.CreateAsync(new Consultations.ConsultationInput
            {
                Title = $"DEMO — transfers to the receiving state, round {i + 1}",
                Channel = (Consultations.ConsultationChannel)(1 + (i % 3)),
                Date = Iso(today.AddDays(-40 + (i * 6))),
                Participants = "Fictional delegations",
                Subject = "Fictional consultation for a first look at PowRegistry.",
                CounterpartIds = [counterparts[i % counterparts.Count], counterparts[(i + 2) % counterparts.Count]],
                PrisonerReferences = string.Join(' ', references.Skip(i * 3).Take(3)),
                RequestNumbers = string.Join(' ', requestIds.Skip(i).Take(1)),
                DeskId = Desks.Desk.DefaultDeskId,
            }, Actor.System, ct);
            if (!created.Succeeded) continue;
            count++;
            var id = created.Value!.Id;
            // Walk the status table (ADR-013) to the wanted state; a move it refuses ends the walk there.
            foreach (var to in statuses.Skip(1).Take(i))
            {
                if (!(await consultations.ChangeStatusAsync(id, to, Actor.System, ct)).Succeeded) break;
            }
            if (owner is not null)
            {
                await consultations.AddActionItemAsync(id, "DEMO — send the list of names to the counterpart", owner, Iso(today.AddDays(i % 2 == 0 ? -5 : 10)), Actor.System, ct);
            }
        }
        return count;
    }

    private static CustodyEventInput Event(CustodyEventKind kind, DateOnly date, string? place) => new()
    {
        Kind = kind,
        Date = date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        Place = place,
    };
}
