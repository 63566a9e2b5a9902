using System.Net;
using System.Text;

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

using Microsoft.Extensions.DependencyInjection;

using PowRegistry.Core.Accounts;
using PowRegistry.Core.Api;
using PowRegistry.Web.Tests.Infrastructure;

namespace PowRegistry.Web.Tests.Api;

/// <summary>Every endpoint under /api that is not a GET refuses a read token, even an administrator's.</summary>
public sealed class ApiReadScopeTests(ApiFactory app) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task EveryWriteEndpoint_RefusesAReadToken()
    {
        var targets = WriteEndpoints();
        Assert.True(targets.Count >= 10, $"Only {targets.Count} write endpoints found under /api.");

        using var client = app.Api(await app.TokenAsync(Roles.Administrator, ApiTokenScope.Read));
        var allowed = new List<string>();
        foreach (var (method, path) in targets)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
            var response = await client.SendAsync(request);
            if (response.StatusCode != HttpStatusCode.Forbidden) allowed.Add($"{method} {path} → {(int)response.StatusCode}");
        }
        Assert.Empty(allowed);
    }

    private List<(string Method, string Path)> WriteEndpoints()
    {
        using var scope = app.Services.CreateScope();
        var targets = new List<(string, string)>();
        foreach (var endpoint in Endpoints.All(scope.ServiceProvider))
        {
            var path = Endpoints.PathOf(endpoint);
            if (!path.StartsWith("/api/", StringComparison.OrdinalIgnoreCase)) continue;
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [];
            foreach (var method in methods.Where(m => !HttpMethods.IsGet(m) && !HttpMethods.IsHead(m) && !HttpMethods.IsOptions(m)))
            {
                targets.Add((method, path));
            }
        }
        return targets.Distinct().ToList();
    }
}
