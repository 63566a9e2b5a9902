using System.Net;

using Microsoft.AspNetCore.HttpOverrides;

namespace PowRegistry.Web.Infrastructure;

/// <summary>
/// X-Forwarded-For and X-Forwarded-Proto are believed only from the reverse proxies listed in
/// <c>PowRegistry:ForwardedHeaders:KnownProxies</c> (addresses) and <c>:KnownNetworks</c> (CIDR, e.g. 10.0.0.0/24);
/// by default from nobody. The client address they give is what the login rate limit counts, so a client that could
/// set the header itself must never be trusted: it would count as a new address with every attempt.
/// </summary>
public static class TrustedProxies
{
    public const string Section = "PowRegistry:ForwardedHeaders";

    public static IServiceCollection AddTrustedProxies(this IServiceCollection services, IConfiguration configuration)
    {
        if (configuration.GetSection("PowRegistry:SignIn:TrustedProxies").GetChildren().Any())
        {
            throw new InvalidOperationException($"PowRegistry:SignIn:TrustedProxies has moved to {Section}:KnownProxies (and {Section}:KnownNetworks for ranges).");
        }
        var proxies = configuration.GetSection(Section + ":KnownProxies").GetChildren().Select(c => Parse<IPAddress>(c, (string? text, out IPAddress value) => IPAddress.TryParse(text, out value!))).ToList();
        var networks = configuration.GetSection(Section + ":KnownNetworks").GetChildren().Select(c => Parse<System.Net.IPNetwork>(c, System.Net.IPNetwork.TryParse)).ToList();

        services.Configure<ForwardedHeadersOptions>(o =>
        {
            // ASP.NET Core trusts loopback by default: cleared, so only the configured list counts.
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in proxies) o.KnownProxies.Add(proxy);
            foreach (var network in networks) o.KnownIPNetworks.Add(network);
            o.ForwardedHeaders = proxies.Count + networks.Count > 0 ? ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto : ForwardedHeaders.None;
        });
        return services;
    }

    private delegate bool TryParse<T>(string? text, out T value);

    /// <summary>A value that is not an address (or a network) stops the app at start-up, naming the key.</summary>
    private static T Parse<T>(IConfigurationSection entry, TryParse<T> tryParse) =>
        tryParse(entry.Value?.Trim(), out var value) ? value : throw new InvalidOperationException($"{entry.Path} = \"{entry.Value}\" is not an IP address or network.");
}
