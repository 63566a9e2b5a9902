using System.Globalization;

using PowRegistry.Core.Common;
using PowRegistry.Core.Desks;
using PowRegistry.Core.Prisoners;
using PowRegistry.Core.Requests;
using PowRegistry.Core.Wishes;

namespace PowRegistry.Web.Tests.Infrastructure;

/// <summary>Data arranged through the services, as the system: records the pages under test then show.</summary>
public static class Arrange
{
    public static string Day(int offset) => DateTime.UtcNow.AddDays(offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// A North Korean prisoner on the main desk with a verified, private wish (three days old) to go to South Korea, and
    /// a draft request resting on it.
    /// </summary>
    public static async Task<(int PrisonerId, int RequestId)> DraftRequestToKoreaAsync(this PowRegistryFactory app, string familyName, int capturedDaysAgo)
    {
        var prisoner = (await app.AsSystemAsync<PrisonerService, ServiceResult<Prisoner>>(s => s.CreateAsync(new PrisonerInput
        {
            FamilyName = familyName,
            Nationality = "KP",
            DetainingPower = "UA",
            DateOfCapture = Day(-capturedDaysAgo),
            DeskId = Desk.DefaultDeskId,
            DuplicatesChecked = true,
        }, Actor.System, CancellationToken.None))).Value!;
        var wish = (await app.AsSystemAsync<WishService, ServiceResult<WishDeclaration>>(w => w.RecordAsync(prisoner.Id, new WishInput
        {
            TakenOn = Day(-3),
            Interviewer = "ICRC delegate",
            Organisation = InterviewerOrganisation.Icrc,
            PrivateInterview = true,
            Verification = WishVerification.VerifiedByNeutralParty,
            Destination = WishDestination.TransferToThirdState,
            DestinationState = "KR",
        }, Actor.System, CancellationToken.None))).Value!;
        var request = (await app.AsSystemAsync<RequestService, ServiceResult<TransferRequest>>(r =>
            r.CreateAsync(prisoner.Id, new RequestInput { DestinationState = "KR", WishId = wish.Id }, Actor.System, CancellationToken.None))).Value!;
        return (prisoner.Id, request.Id);
    }
}
