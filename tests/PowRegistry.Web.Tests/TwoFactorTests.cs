using System.Net;
using System.Text.RegularExpressions;

using OtpNet;

using PowRegistry.Core.Accounts;
using PowRegistry.Web.Tests.Infrastructure;

namespace PowRegistry.Web.Tests;

/// <summary>
/// The optional TOTP second factor, and administrators requiring it for a role. Codes are computed here with
/// Otp.NET, an independent implementation of RFC 6238, on the app's fake clock.
/// </summary>
public sealed partial class TwoFactorTests(FakeClockRegistryFactory app) : IClassFixture<FakeClockRegistryFactory>
{
    [Fact]
    public async Task AUserTurnsOnTwoFactor_ThenLoginAsksForACode_AndEachCodeWorksOnce()
    {
        var (_, email) = await app.CreateUserAsync(Roles.CaseOfficer);
        using var officer = await app.LoginAsync(email, PowRegistryFactory.OfficerPassword);

        var setup = await officer.GetAsync("/Account/TwoFactor");
        Assert.Contains("Two-factor sign-in is off.", setup.Text, StringComparison.Ordinal);
        Assert.StartsWith("data:image/png;base64,", setup.Document.QuerySelector("img.qr")!.GetAttribute("src"), StringComparison.Ordinal);
        var secret = SecretOf(setup);
        Assert.Equal(secret.ToLowerInvariant(), setup.Document.QuerySelector("#shared-key")!.TextContent.Replace(" ", "", StringComparison.Ordinal));

        var wrong = await officer.SubmitAsync(setup, "Turn on two-factor sign-in", new Dictionary<string, string?> { ["Code from the app"] = WrongCode(secret) });
        Assert.Contains("That code is not right.", wrong.ErrorFor("Form.Code"), StringComparison.Ordinal);

        var enabled = await officer.SubmitAsync(wrong, "Turn on two-factor sign-in", new Dictionary<string, string?> { ["Code from the app"] = CodeNow(secret) });
        Assert.Contains("Two-factor sign-in is on.", enabled.Text, StringComparison.Ordinal);
        // The session survives the new security stamp that turning 2FA on gives the account.
        app.Time.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(HttpStatusCode.OK, (await officer.Client.GetAsync("/Prisoners")).StatusCode);

        using var later = app.NewSession();
        var asked = await later.TryLoginAsync(email, PowRegistryFactory.OfficerPassword);
        Assert.Contains("/Account/LoginWith2fa", asked.Url, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await later.Client.GetAsync("/Prisoners")).StatusCode);

        var usedCode = CodeNow(secret);
        var first = await later.SubmitAsync(asked, "Verify", new Dictionary<string, string?> { ["Authentication code"] = usedCode });
        Assert.EndsWith("/", first.Url, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await later.Client.GetAsync("/Prisoners")).StatusCode);

        // The same code, seen over a shoulder or captured, does not open a second session.
        using var replay = app.NewSession();
        var replayAsked = await replay.TryLoginAsync(email, PowRegistryFactory.OfficerPassword);
        var replayed = await replay.SubmitAsync(replayAsked, "Verify", new Dictionary<string, string?> { ["Authentication code"] = usedCode });
        Assert.Contains("/Account/LoginWith2fa", replayed.Url, StringComparison.Ordinal);
        Assert.Contains("That code is not right.", replayed.Text, StringComparison.Ordinal);

        // The next code, 30 seconds later, works.
        app.Time.Advance(TimeSpan.FromSeconds(30));
        var next = await replay.SubmitAsync(replayed, "Verify", new Dictionary<string, string?> { ["Authentication code"] = CodeNow(secret) });
        Assert.EndsWith("/", next.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheCodePage_NeedsACorrectPasswordFirst()
    {
        using var session = app.NewSession();
        var page = await session.Client.GetAsync("/Account/LoginWith2fa");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/Account/Login", page.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AUserTurnsTwoFactorOff_AndLoginNoLongerAsks()
    {
        var (_, email) = await app.CreateUserAsync(Roles.CaseOfficer);
        using var officer = await app.LoginAsync(email, PowRegistryFactory.OfficerPassword);
        await EnrolAsync(officer);

        var on = await officer.GetAsync("/Account/TwoFactor");
        var off = await officer.SubmitAsync(on, "Turn off two-factor sign-in");
        Assert.Contains("Two-factor sign-in is off.", off.Text, StringComparison.Ordinal);

        using var later = await app.LoginAsync(email, PowRegistryFactory.OfficerPassword);
    }

    [Fact]
    public async Task FiveWrongCodes_LockTheAccount()
    {
        var (_, email) = await app.CreateUserAsync(Roles.CaseOfficer);
        string secret;
        using (var officer = await app.LoginAsync(email, PowRegistryFactory.OfficerPassword)) secret = await EnrolAsync(officer);

        using var attacker = app.NewSession();
        var page = await attacker.TryLoginAsync(email, PowRegistryFactory.OfficerPassword);
        for (var i = 0; i < 5; i++) page = await attacker.SubmitAsync(page, "Verify", new Dictionary<string, string?> { ["Authentication code"] = WrongCode(secret) });
        Assert.Contains("the account is locked", page.Text, StringComparison.Ordinal);

        app.Time.Advance(TimeSpan.FromSeconds(30));
        var right = await attacker.SubmitAsync(page, "Verify", new Dictionary<string, string?> { ["Authentication code"] = CodeNow(secret) });
        Assert.Contains("/Account/LoginWith2fa", right.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARoleRequirement_SendsMembersToEnrol_AndTheyReachNothingElseUntilEnrolled()
    {
        var (_, alreadyIn) = await app.CreateUserAsync(Roles.Auditor);
        using var openSession = await app.LoginAsync(alreadyIn, PowRegistryFactory.OfficerPassword);

        using var admin = await app.LoginAsAdminAsync();
        var security = await admin.GetAsync("/Admin/Security");
        var required = await admin.SubmitAsync(security, "Require for Auditor (read-only)");
        Assert.Contains("Two-factor sign-in is now required for Auditor (read-only).", required.Text, StringComparison.Ordinal);

        try
        {
            // A new login lands on enrolment, and every other page sends the user back there.
            var (_, email) = await app.CreateUserAsync(Roles.Auditor);
            using var auditor = app.NewSession();
            var landed = await auditor.TryLoginAsync(email, PowRegistryFactory.OfficerPassword);
            Assert.EndsWith("/Account/TwoFactor", landed.Url, StringComparison.Ordinal);
            Assert.Contains("Your role requires two-factor sign-in.", landed.Text, StringComparison.Ordinal);
            foreach (var url in new[] { "/", "/Prisoners", "/Prisoners/1", "/Prisoners?q=kim" })
            {
                var response = await auditor.Client.GetAsync(url);
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                Assert.Equal("/Account/TwoFactor", response.Headers.Location!.OriginalString);
            }

            // Turning it off is not offered once it is on.
            await EnrolAsync(auditor);
            Assert.Equal(HttpStatusCode.OK, (await auditor.Client.GetAsync("/Prisoners")).StatusCode);
            var settings = await auditor.GetAsync("/Account/TwoFactor");
            Assert.Contains("Your role requires it, so it cannot be turned off.", settings.Text, StringComparison.Ordinal);
            Assert.DoesNotContain(settings.Document.QuerySelectorAll("button"), b => b.TextContent.Contains("Turn off", StringComparison.Ordinal));

            // A member who was already signed in is sent to enrol within a minute.
            app.Time.Advance(TimeSpan.FromSeconds(61));
            var sent = await openSession.Client.GetAsync("/Prisoners");
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
            Assert.Equal("/Account/TwoFactor", sent.Headers.Location!.OriginalString);

            // An administrator resets the enrolled auditor's second factor (lost phone): the next login enrols again.
            var users = await admin.GetAsync("/Admin/Security");
            var reset = await admin.SubmitAsync(users, $"Reset for {email}");
            Assert.Contains("Two-factor sign-in was reset.", reset.Text, StringComparison.Ordinal);
            using var again = app.NewSession();
            Assert.EndsWith("/Account/TwoFactor", (await again.TryLoginAsync(email, PowRegistryFactory.OfficerPassword)).Url, StringComparison.Ordinal);
        }
        finally
        {
            var page = await admin.GetAsync("/Admin/Security");
            var optional = await admin.SubmitAsync(page, "Make optional for Auditor (read-only)");
            Assert.Contains("Two-factor sign-in is now optional", optional.Text, StringComparison.Ordinal);
        }
    }

    /// <summary>Turns 2FA on for the signed-in user, as they would with their app; returns the shared secret.</summary>
    private async Task<string> EnrolAsync(Session session)
    {
        var setup = await session.GetAsync("/Account/TwoFactor");
        var secret = SecretOf(setup);
        app.Time.Advance(TimeSpan.FromSeconds(30)); // never reuse a time step another step of the test used
        var enabled = await session.SubmitAsync(setup, "Turn on two-factor sign-in", new Dictionary<string, string?> { ["Code from the app"] = CodeNow(secret) });
        Assert.Contains("Two-factor sign-in is on.", enabled.Text, StringComparison.Ordinal);
        app.Time.Advance(TimeSpan.FromSeconds(30));
        return secret;
    }

    private static string SecretOf(Session.Result page)
    {
        var uri = page.Document.QuerySelector("#authenticator-uri")!.TextContent;
        Assert.StartsWith("otpauth://totp/PowRegistry:", uri, StringComparison.Ordinal);
        Assert.Contains("issuer=PowRegistry", uri, StringComparison.Ordinal);
        return SecretParameter().Match(uri).Groups[1].Value;
    }

    private string CodeNow(string secret) => new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp(app.Time.GetUtcNow().UtcDateTime);

    /// <summary>A code no step within the accepted drift produces.</summary>
    private string WrongCode(string secret)
    {
        var totp = new Totp(Base32Encoding.ToBytes(secret));
        var now = app.Time.GetUtcNow().UtcDateTime;
        var valid = new[] { -30, 0, 30 }.Select(s => totp.ComputeTotp(now.AddSeconds(s))).ToHashSet();
        return Enumerable.Range(0, 10).Select(i => $"{i}{i}{i}{i}{i}{i}").First(c => !valid.Contains(c));
    }

    [GeneratedRegex("secret=([A-Z2-7]+)")]
    private static partial Regex SecretParameter();
}
