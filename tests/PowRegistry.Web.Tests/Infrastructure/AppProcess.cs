using System.Diagnostics;

namespace PowRegistry.Web.Tests.Infrastructure;

/// <summary>Runs the built application (PowRegistry.Web.dll) as an operator would, e.g. `verify-audit` or `backup PATH`.</summary>
public static class AppProcess
{
    public static string WebDll => typeof(Program).Assembly.Location;

    public static Dictionary<string, string> EnvironmentFor(PowRegistryFactory app) => new()
    {
        ["ConnectionStrings__PowRegistry"] = app.ConnectionString,
        ["PowRegistry__Database__Provider"] = TestDatabase.Provider.ToString(),
        ["PowRegistry__Audit__KeyFile"] = app.AuditKeyPath,
        ["PowRegistry__LogFolder"] = Path.Combine(app.Folder, "cli-logs"),
    };

    public static async Task<(int ExitCode, string Output)> RunAsync(IDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetTempPath() };
        start.ArgumentList.Add(WebDll);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var (key, value) in environment) start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }
}
