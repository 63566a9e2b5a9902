namespace PowRegistry.Web.Infrastructure;

/// <summary>
/// PowRegistry's own command-line switches, taken out before the rest goes to ASP.NET Core's configuration
/// (which would reject a flag without a value such as --seed-demo).
/// </summary>
public sealed record StartupOptions(string[] HostArgs, bool SeedDemo)
{
    public static StartupOptions Parse(string[] args)
    {
        var seedDemo = args.Contains("--seed-demo", StringComparer.OrdinalIgnoreCase);
        return new StartupOptions(args.Where(a => !string.Equals(a, "--seed-demo", StringComparison.OrdinalIgnoreCase)).ToArray(), seedDemo);
    }
}
