using PowRegistry.Core.Common;
using PowRegistry.Core.Data;

namespace PowRegistry.Web.Infrastructure;

/// <summary>
/// Operator commands, run instead of the web server: `dotnet run --project src/PowRegistry.Web -- COMMAND ...`.
/// Each returns a process exit code (0 = success).
/// </summary>
public static class Commands
{
    private static readonly Dictionary<string, Func<IServiceProvider, string[], Task<int>>> All = new(StringComparer.Ordinal)
    {
        ["verify-audit"] = VerifyAuditAsync,
        ["backup"] = BackupAsync,
        ["create-token"] = CreateTokenAsync,
    };

    public static bool IsKnown(string word) => All.ContainsKey(word);

    public static async Task<int> RunAsync(WebApplication app, string command, string[] args)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystem();
        return await All[command](scope.ServiceProvider, args);
    }

    /// <summary>Walks the audit chain; exit code 0 when intact, 1 when broken (the first broken entry is named).</summary>
    private static async Task<int> VerifyAuditAsync(IServiceProvider services, string[] args)
    {
        var result = await services.GetRequiredService<PowRegistryDbContext>().VerifyAuditAsync(CancellationToken.None);
        await Console.Out.WriteLineAsync(result.Message);
        return result.Intact ? 0 : 1;
    }

    /// <summary>A consistent copy of the database, safe while the application runs (SQLite's VACUUM INTO).</summary>
    private static async Task<int> BackupAsync(IServiceProvider services, string[] args)
    {
        if (args.Length != 1 || string.IsNullOrWhiteSpace(args[0]))
        {
            await Console.Error.WriteLineAsync("Usage: backup PATH   (PATH must not exist yet)");
            return 2;
        }
        var path = Path.GetFullPath(args[0]);
        if (File.Exists(path))
        {
            await Console.Error.WriteLineAsync($"{path} already exists: choose a new file name.");
            return 2;
        }
        await SqliteSetup.BackupAsync(services.GetRequiredService<PowRegistryDbContext>(), path, CancellationToken.None);
        await Console.Out.WriteLineAsync($"Backup written to {path}");
        return 0;
    }

    /// <summary>
    /// Issues an API token for a user: `create-token --email ADDRESS --scope read|read-write --days N [--name TEXT]`.
    /// The token is printed once, on its own line after "Token: "; only its hash is kept.
    /// </summary>
    private static async Task<int> CreateTokenAsync(IServiceProvider services, string[] args)
    {
        string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var email = Option("--email");
        var scope = Option("--scope") switch
        {
            "read" => Core.Api.ApiTokenScope.Read,
            "read-write" => Core.Api.ApiTokenScope.ReadWrite,
            _ => (Core.Api.ApiTokenScope?)null,
        };
        if (email is null || scope is null || !int.TryParse(Option("--days") ?? "90", System.Globalization.CultureInfo.InvariantCulture, out var days))
        {
            await Console.Error.WriteLineAsync("Usage: create-token --email ADDRESS --scope read|read-write [--days N (default 90)] [--name TEXT]");
            return 2;
        }
        var users = services.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Core.Accounts.AppUser>>();
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            await Console.Error.WriteLineAsync("No user has this email address.");
            return 1;
        }
        var result = await services.GetRequiredService<Core.Api.ApiTokenService>().IssueAsync(
            new Core.Api.ApiTokenInput { UserId = user.Id, Scope = scope, Days = days, Name = Option("--name") ?? "Issued from the command line" }, Actor.System, CancellationToken.None);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors) await Console.Error.WriteLineAsync(error.Message);
            return 1;
        }
        var (token, secret) = result.Value;
        await Console.Out.WriteLineAsync($"API token {token.Id} for {email}, {scope}, valid until {token.ExpiresAt:yyyy-MM-dd HH:mm} UTC. It is shown only now:");
        await Console.Out.WriteLineAsync($"Token: {secret}");
        return 0;
    }
}
