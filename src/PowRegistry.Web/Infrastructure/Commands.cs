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
}
