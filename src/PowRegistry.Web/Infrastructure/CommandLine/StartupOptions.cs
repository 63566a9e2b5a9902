namespace PowRegistry.Web.Infrastructure;

/// <summary>
/// PowRegistry's own command line, taken out before the rest goes to ASP.NET Core's configuration (which would
/// reject a flag without a value such as --seed-demo): an optional command as the first word (see
/// <see cref="Commands"/>) with its arguments, and --seed-demo.
/// </summary>
public sealed record StartupOptions(string[] HostArgs, bool SeedDemo, string? Command, string[] CommandArgs)
{
    public static StartupOptions Parse(string[] args)
    {
        var seedDemo = args.Contains("--seed-demo", StringComparer.OrdinalIgnoreCase);
        var rest = args.Where(a => !string.Equals(a, "--seed-demo", StringComparison.OrdinalIgnoreCase)).ToArray();
        if (rest.Length > 0 && Commands.IsKnown(rest[0]))
        {
            return new StartupOptions([], seedDemo, rest[0], rest[1..]);
        }
        return new StartupOptions(rest, seedDemo, null, []);
    }
}
