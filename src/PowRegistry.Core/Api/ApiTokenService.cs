using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

using PowRegistry.Core.Common;
using PowRegistry.Core.Data;

namespace PowRegistry.Core.Api;

/// <summary>Issues, lists, revokes and checks personal access tokens for the API. Administrators only (the pages and the command say so).</summary>
public sealed class ApiTokenService(PowRegistryDbContext db, TimeProvider clock, ILogger<ApiTokenService> logger)
{
    public const int MaxDays = 366;

    public async Task<ServiceResult<(ApiToken Token, string Secret)>> IssueAsync(ApiTokenInput input, Actor actor, CancellationToken ct)
    {
        var errors = new List<Refusal>();
        var user = input.UserId is null ? null : await db.Users.FirstOrDefaultAsync(u => u.Id == input.UserId, ct);
        if (user is null) errors.Add(Refusal.Invalid("ApiToken.User.Required").On(nameof(ApiTokenInput.UserId)));
        else if (user.IsDisabled) errors.Add(Refusal.Invalid("ApiToken.User.Disabled").On(nameof(ApiTokenInput.UserId)));
        var name = Text.Clean(input.Name) ?? "API token";
        if (name.Length > ApiToken.NameMaxLength) errors.Add(Refusal.Invalid("Common.TooLong", ApiToken.NameMaxLength).On(nameof(ApiTokenInput.Name)));
        if (input.Scope is not { } scope || !Enum.IsDefined(scope)) errors.Add(Refusal.Invalid("ApiToken.Scope.Required").On(nameof(ApiTokenInput.Scope)));
        if (input.Days is not (>= 1 and <= MaxDays)) errors.Add(Refusal.Invalid("ApiToken.Days.OutOfRange", MaxDays).On(nameof(ApiTokenInput.Days)));
        if (errors.Count > 0) return ServiceResult<(ApiToken, string)>.Failure(errors);

        var now = clock.GetUtcNow();
        var issued = ApiToken.Issue(user!.Id, name, input.Scope!.Value, now.AddDays(input.Days!.Value), actor, now);
        db.ApiTokens.Add(issued.Token);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("API token {TokenId} issued for user {UserId} by {ActorId}", issued.Token.Id, user.Id, actor.UserId);
        return ServiceResult<(ApiToken, string)>.Success(issued);
    }

    public async Task<IReadOnlyList<ApiTokenRow>> ListAsync(CancellationToken ct) =>
        await db.ApiTokens.AsNoTracking()
            .OrderByDescending(t => t.Id)
            .Join(db.Users, t => t.UserId, u => u.Id, (t, u) => new ApiTokenRow(t.Id, u.Email ?? "", t.Name, t.Scope, t.Hint, t.CreatedAt, t.ExpiresAt, t.RevokedAt, u.IsDisabled))
            .ToListAsync(ct);

    public async Task<ServiceResult<bool>> RevokeAsync(int id, Actor actor, CancellationToken ct)
    {
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == id, ct);
        if (token is null) return ServiceResult<bool>.NotFound();
        token.Revoke(actor, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        logger.LogInformation("API token {TokenId} revoked by {ActorId}", id, actor.UserId);
        return ServiceResult<bool>.Success(true);
    }

    /// <summary>The caller behind a presented token, or null when it is unknown, expired, revoked, or its user is disabled.</summary>
    public async Task<ApiCaller?> AuthenticateAsync(string presented, CancellationToken ct)
    {
        if (!presented.StartsWith(ApiToken.Prefix, StringComparison.Ordinal) || presented.Length > 200) return null;
        var hash = ApiToken.HashOf(presented);
        var found = await db.ApiTokens.AsNoTracking()
            .Where(t => t.TokenHash == hash)
            .Join(db.Users, t => t.UserId, u => u.Id, (t, u) => new { Token = t, User = u })
            .FirstOrDefaultAsync(ct);
        if (found is null || !found.Token.IsValidAt(clock.GetUtcNow()) || found.User.IsDisabled) return null;
        return new ApiCaller(found.Token, found.User);
    }
}
