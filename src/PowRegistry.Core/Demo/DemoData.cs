using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

using PowRegistry.Core.Common;
using PowRegistry.Core.Data;
using PowRegistry.Core.Prisoners;

namespace PowRegistry.Core.Demo;

/// <summary>
/// A clearly fictional register for a first look (--seed-demo). Every record's notes say it is fictional,
/// and service numbers start with DEMO-. Goes through <see cref="PrisonerService"/>, so every rule applies.
/// </summary>
public sealed class DemoData(PowRegistryDbContext db, PrisonerService prisoners, TimeProvider clock, ILogger<DemoData> logger)
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
        logger.LogInformation("Demo data added: {Count} fictional prisoners", PrisonerCount);
    }

    private static CustodyEventInput Event(CustodyEventKind kind, DateOnly date, string? place) => new()
    {
        Kind = kind,
        Date = date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        Place = place,
    };
}
