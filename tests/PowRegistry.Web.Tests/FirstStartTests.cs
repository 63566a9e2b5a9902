using System.Diagnostics;

using PowRegistry.Web.Tests.Infrastructure;

namespace PowRegistry.Web.Tests;

/// <summary>
/// The first start reads as a success (issue 15): on an empty folder the application migrates, prints where it listens
/// and the one-time setup token, and nothing else at warning level or above (no EF warnings about the database state).
/// </summary>
public sealed class FirstStartTests
{
    [Fact]
    public async Task TheFirstStart_PrintsTheSetupToken_AndNoOtherWarning()
    {
        var folder = Path.Combine(Path.GetTempPath(), "powregistry-first-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        // From the project's folder, as the README's `dotnet run --project src/PowRegistry.Web` starts it (its settings, its wwwroot).
        var project = Path.Combine(Localization.Resources.RepositoryRoot, "src", "PowRegistry.Web");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = project };
        start.ArgumentList.Add(AppProcess.WebDll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add("http://127.0.0.1:0");
        start.Environment["ConnectionStrings__PowRegistry"] = $"Data Source={Path.Combine(folder, "powregistry.db")}";
        start.Environment["PowRegistry__Audit__KeyFile"] = Path.Combine(folder, "audit.key");
        start.Environment["PowRegistry__LogFolder"] = Path.Combine(folder, "logs");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        using var process = Process.Start(start)!;
        var lines = new List<string>();
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                lines.Add(line);
                if (line.Contains("Application started", StringComparison.Ordinal)) break;
            }
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        var console = string.Join("\n", lines);
        Assert.Contains(lines, l => l.Contains("setup token", StringComparison.Ordinal) && System.Text.RegularExpressions.Regex.IsMatch(l, "[0-9a-f]{32}"));
        Assert.Contains(lines, l => l.Contains("Now listening on", StringComparison.Ordinal));
        var alarming = lines.Where(l => (l.Contains(" WRN]", StringComparison.Ordinal) || l.Contains(" ERR]", StringComparison.Ordinal) || l.Contains(" FTL]", StringComparison.Ordinal))
            && !l.Contains("setup token", StringComparison.Ordinal)).ToList();
        Assert.True(alarming.Count == 0, "Alarming lines on first start:\n" + console);
        Assert.DoesNotContain("expected state", console, StringComparison.Ordinal);
    }
}
