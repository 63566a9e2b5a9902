using System.Security.Claims;
using System.Text.Encodings.Web;

using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

using PowRegistry.Core.Accounts;
using PowRegistry.Core.Api;

namespace PowRegistry.Web.Api;

/// <summary>
/// `Authorization: Bearer pwr_…` for /api only. The principal carries the token's user, his current roles and the
/// token's scope, so CurrentUserMiddleware fills CurrentUser (desks) exactly as it does for a signed-in page user.
/// </summary>
public sealed class ApiTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiTokenService tokens,
    UserManager<AppUser> users) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";
    public const string ScopeClaim = "powregistry:api-scope";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (string.IsNullOrEmpty(header)) return AuthenticateResult.NoResult();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.Fail("Not a bearer token.");
        var caller = await tokens.AuthenticateAsync(header["Bearer ".Length..].Trim(), Context.RequestAborted);
        if (caller is null)
        {
            // Ids only: the presented token is never logged.
            Logger.LogInformation("API request refused: unknown, expired or revoked token, or disabled account");
            return AuthenticateResult.Fail("The token is unknown, expired or revoked, or its account is disabled.");
        }

        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, caller.User.Id),
            new(ScopeClaim, caller.Token.Scope == ApiTokenScope.ReadWrite ? ApiScopes.ReadWrite : ApiScopes.Read),
        };
        claims.AddRange((await users.GetRolesAsync(caller.User)).Select(role => new Claim(ClaimTypes.Role, role)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        return ApiProblems.WriteAsync(Context, StatusCodes.Status401Unauthorized,
            "Send a valid token: `Authorization: Bearer pwr_…`. It may be missing, unknown, expired or revoked, or its account disabled.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ApiProblems.WriteAsync(Context, StatusCodes.Status403Forbidden,
            "This token may not do this: a read token cannot change anything, and the user's role must allow the change.");
}
