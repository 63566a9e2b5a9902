using Microsoft.AspNetCore.Identity;

namespace PowRegistry.Core.Accounts;

/// <summary>A user's interface language, kept on his account so that it follows him to another browser or computer.</summary>
public sealed class LanguagePreference(UserManager<AppUser> users)
{
    /// <summary>The stored choice, or null when he has not chosen (the browser's Accept-Language decides).</summary>
    public async Task<string?> OfAsync(string userId) =>
        await users.FindByIdAsync(userId) is { } user && Languages.IsSupported(user.PreferredLanguage) ? user.PreferredLanguage : null;

    /// <summary>Stores his choice (audited, as every change to an account). False for an unknown language or user.</summary>
    public async Task<bool> SetAsync(string userId, string language)
    {
        if (!Languages.IsSupported(language)) return false;
        if (await users.FindByIdAsync(userId) is not { } user) return false;
        if (user.PreferredLanguage == language) return true;
        user.PreferredLanguage = language;
        return (await users.UpdateAsync(user)).Succeeded;
    }
}
