using System.Net;

using PowRegistry.Web.Tests.Infrastructure;

namespace PowRegistry.Web.Tests;

/// <summary>At most 10 login attempts a minute per account and per client address (the production setting).</summary>
public sealed class LoginRateLimitTests(RateLimitedRegistryFactory app) : IClassFixture<RateLimitedRegistryFactory>
{
    [Fact]
    public async Task OneAccount_FromElevenAddresses_TheEleventhAttemptInAMinuteGets429()
    {
        const string target = "target.account@powregistry.test";
        for (var i = 1; i <= 10; i++)
        {
            using var attacker = app.NewSession().From($"198.51.100.{i}");
            var attempt = await attacker.TryLoginAsync(target, "guessed password " + i);
            Assert.Equal(HttpStatusCode.OK, attempt.Status);
        }

        using var eleventh = app.NewSession().From("198.51.100.11");
        var refused = await eleventh.TryLoginAsync(target, "guessed password 11");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
        Assert.Contains("Too many attempts", refused.Text, StringComparison.Ordinal);
        Assert.Contains("Wait a minute, then try again.", refused.Text, StringComparison.Ordinal);
        Assert.NotNull(refused.Response.Headers.RetryAfter);

        // Another account from another address is not held up.
        using var colleague = app.NewSession().From("198.51.100.12");
        await colleague.LoginAsync(PowRegistryFactory.AdminEmail, PowRegistryFactory.AdminPassword);
    }

    [Fact]
    public async Task OneAddress_ElevenAccounts_TheEleventhAttemptInAMinuteGets429_EvenWithTheRightPassword()
    {
        using var session = app.NewSession().From("203.0.113.7");
        for (var i = 1; i <= 10; i++)
        {
            var attempt = await session.TryLoginAsync($"sprayed.{i}@powregistry.test", "summer password 2025");
            Assert.Equal(HttpStatusCode.OK, attempt.Status);
        }

        var refused = await session.TryLoginAsync(PowRegistryFactory.AdminEmail, PowRegistryFactory.AdminPassword);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
        Assert.Contains("Too many attempts", refused.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await session.Client.GetAsync("/Prisoners")).StatusCode);

        // Reading the login page is not an attempt, and other addresses still log in.
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/Account/Login")).Status);
        using var other = app.NewSession().From("203.0.113.8");
        await other.LoginAsync(PowRegistryFactory.AdminEmail, PowRegistryFactory.AdminPassword);
    }

    [Fact]
    public async Task AnIPv6Client_IsLimitedByIts64Prefix_NotByEachAddress()
    {
        for (var i = 1; i <= 10; i++)
        {
            using var attempt = app.NewSession().From($"2001:db8:1:2::{i:x}");
            Assert.Equal(HttpStatusCode.OK, (await attempt.TryLoginAsync($"v6.{i}@powregistry.test", "some password here")).Status);
        }
        using var rotated = app.NewSession().From("2001:db8:1:2:ffff::1");
        Assert.Equal(HttpStatusCode.TooManyRequests, (await rotated.TryLoginAsync("v6.11@powregistry.test", "some password here")).Status);
    }
}

/// <summary>Behind a trusted reverse proxy the limit applies to each client, not to the proxy's own address.</summary>
public sealed class LoginRateLimitBehindProxyTests(BehindProxyRegistryFactory app) : IClassFixture<BehindProxyRegistryFactory>
{
    [Fact]
    public async Task ElevenClientsBehindTheTrustedProxy_AreCountedSeparately()
    {
        for (var i = 1; i <= 11; i++)
        {
            using var client = app.NewSession().From(BehindProxyRegistryFactory.Proxy);
            client.Client.DefaultRequestHeaders.Add("X-Forwarded-For", $"198.51.100.{i}");
            Assert.Equal(HttpStatusCode.OK, (await client.TryLoginAsync($"client.{i}@powregistry.test", "some password here")).Status);
        }
    }

    [Fact]
    public async Task OneClientBehindTheProxy_IsStillLimited_AndAnUntrustedSenderCannotPretendToBeMany()
    {
        using var client = app.NewSession().From(BehindProxyRegistryFactory.Proxy);
        client.Client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.50");
        for (var i = 1; i <= 10; i++) await client.TryLoginAsync($"one.client.{i}@powregistry.test", "some password here");
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.TryLoginAsync("one.client.11@powregistry.test", "some password here")).Status);

        for (var i = 1; i <= 11; i++)
        {
            using var spoofer = app.NewSession().From("192.0.2.9");
            spoofer.Client.DefaultRequestHeaders.Add("X-Forwarded-For", $"198.51.100.{100 + i}");
            var status = (await spoofer.TryLoginAsync($"spoofer.{i}@powregistry.test", "some password here")).Status;
            Assert.Equal(i <= 10 ? HttpStatusCode.OK : HttpStatusCode.TooManyRequests, status);
        }
    }
}

/// <summary>No proxy is trusted unless configured: not even one on the same machine (ASP.NET Core's own default trusts loopback).</summary>
public sealed class LoginRateLimitWithoutTrustedProxyTests(RateLimitedRegistryFactory app) : IClassFixture<RateLimitedRegistryFactory>
{
    [Fact]
    public async Task XForwardedFor_FromALocalSender_IsIgnored_WhenNoProxyIsConfigured()
    {
        for (var i = 1; i <= 11; i++)
        {
            using var sender = app.NewSession().From("127.0.0.1");
            sender.Client.DefaultRequestHeaders.Add("X-Forwarded-For", $"198.51.100.{i}");
            var status = (await sender.TryLoginAsync($"local.{i}@powregistry.test", "some password here")).Status;
            Assert.Equal(i <= 10 ? HttpStatusCode.OK : HttpStatusCode.TooManyRequests, status);
        }
    }
}

/// <summary>Proxies trusted by network (PowRegistry:ForwardedHeaders:KnownNetworks), e.g. several proxies in one subnet.</summary>
public sealed class LoginRateLimitBehindProxyNetworkTests(BehindProxyNetworkRegistryFactory app) : IClassFixture<BehindProxyNetworkRegistryFactory>
{
    [Fact]
    public async Task ClientsBehindAnyProxyInTheNetwork_AreCountedSeparately_ASenderOutsideItIsNotBelieved()
    {
        for (var i = 1; i <= 11; i++)
        {
            using var client = app.NewSession().From($"10.0.0.{i}");
            client.Client.DefaultRequestHeaders.Add("X-Forwarded-For", $"198.51.100.{i}");
            Assert.Equal(HttpStatusCode.OK, (await client.TryLoginAsync($"net.client.{i}@powregistry.test", "some password here")).Status);
        }

        for (var i = 1; i <= 11; i++)
        {
            using var outsider = app.NewSession().From("10.0.1.9");
            outsider.Client.DefaultRequestHeaders.Add("X-Forwarded-For", $"198.51.100.{100 + i}");
            var status = (await outsider.TryLoginAsync($"outsider.{i}@powregistry.test", "some password here")).Status;
            Assert.Equal(i <= 10 ? HttpStatusCode.OK : HttpStatusCode.TooManyRequests, status);
        }
    }
}
