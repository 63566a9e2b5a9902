using Microsoft.AspNetCore.Identity;

namespace PowRegistry.Core.Accounts;

public sealed class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>A disabled account cannot sign in and its open sessions end at the next security-stamp check.</summary>
    public bool IsDisabled { get; set; }

    /// <summary>"en", "ko" or "uk" (<see cref="Languages"/>); null until he chooses, when his browser's language decides.</summary>
    [System.ComponentModel.DataAnnotations.MaxLength(8)]
    public string? PreferredLanguage { get; set; }
}
