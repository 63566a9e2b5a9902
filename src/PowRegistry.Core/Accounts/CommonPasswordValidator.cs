using System.Collections.Frozen;
using System.Reflection;

using Microsoft.AspNetCore.Identity;

namespace PowRegistry.Core.Accounts;

/// <summary>
/// Refuses passwords that appear in published lists of leaked passwords (OWASP ASVS 2.1.7, NIST SP 800-63B 5.1.1.2):
/// attackers try those first, whatever their length. The list is shipped with the application (no network call) and
/// compared case-insensitively, so "Password1234" is refused like "password1234". Its source is in common-passwords.md.
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<AppUser>
{
    public const string ErrorCode = "PasswordTooCommon";

    private static readonly Lazy<FrozenSet<string>> List = new(Load);

    /// <summary>How many passwords the shipped list holds.</summary>
    public static int Count => List.Value.Count;

    public static bool IsCommon(string? password) => password is not null && List.Value.Contains(password.Trim());

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password) =>
        Task.FromResult(IsCommon(password)
            ? IdentityResult.Failed(new IdentityError
            {
                Code = ErrorCode,
                // Shown through its code (UserAdminService.ToErrors): the words are under this key in the resources.
                Description = "Identity.PasswordTooCommon",
            })
            : IdentityResult.Success);

    private static FrozenSet<string> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("PowRegistry.Core.Accounts.common-passwords.txt")
            ?? throw new InvalidOperationException("The common password list is not embedded in PowRegistry.Core.");
        using var reader = new StreamReader(stream);
        var passwords = new List<string>(50_000);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0) passwords.Add(line);
        }
        return passwords.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    }
}
