using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Time.Testing;

using PowRegistry.Core.Api;
using PowRegistry.Core.Common;
using PowRegistry.Core.Desks;
using PowRegistry.Core.Prisoners;
using PowRegistry.Web.Tests.Infrastructure;

namespace PowRegistry.Web.Tests.Api;

/// <summary>The real application on a clock the test can move (token expiry), with helpers to issue tokens and call the API.</summary>
public class ApiFactory : PowRegistryFactory
{
    public FakeTimeProvider Time { get; } = new(DateTimeOffset.UtcNow);

    protected override FakeTimeProvider? Clock => Time;

    /// <summary>A new user of the role in the given desks (default: the main desk) and a token for him.</summary>
    public async Task<(string UserId, string Token)> UserWithTokenAsync(string role, ApiTokenScope scope = ApiTokenScope.ReadWrite, int days = 30, params int[] deskIds)
    {
        var (userId, _) = await CreateUserAsync(role, deskIds);
        return (userId, await TokenForAsync(userId, scope, days));
    }

    public async Task<string> TokenAsync(string role, ApiTokenScope scope = ApiTokenScope.ReadWrite, params int[] deskIds) =>
        (await UserWithTokenAsync(role, scope, 30, deskIds)).Token;

    public async Task<string> TokenForAsync(string userId, ApiTokenScope scope = ApiTokenScope.ReadWrite, int days = 30)
    {
        var issued = await AsSystemAsync<ApiTokenService, ServiceResult<(ApiToken Token, string Secret)>>(s =>
            s.IssueAsync(new ApiTokenInput { UserId = userId, Scope = scope, Days = days, Name = "test" }, Actor.System, CancellationToken.None));
        Assert.True(issued.Succeeded, string.Join("; ", issued.Errors.Select(e => e.Message)));
        return issued.Value.Secret;
    }

    /// <summary>An HTTP client with no cookies that sends the token (or none).</summary>
    public HttpClient Api(string? token)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = BaseAddress, AllowAutoRedirect = false, HandleCookies = false });
        if (token is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async Task<int> NewDeskAsync(string name) =>
        (await AsSystemAsync<DeskService, ServiceResult<Desk>>(d => d.CreateAsync(name + " " + Guid.NewGuid().ToString("N")[..6], CancellationToken.None))).Value!.Id;

    /// <summary>A prisoner registered through the service as the system, in the given desk.</summary>
    public async Task<Prisoner> PrisonerAsync(int deskId = Desk.DefaultDeskId, string? familyName = null)
    {
        var created = await AsSystemAsync<PrisonerService, ServiceResult<Prisoner>>(s => s.CreateAsync(
            new PrisonerInput { FamilyName = familyName ?? "Api" + Guid.NewGuid().ToString("N")[..8], GivenNames = "Test", DeskId = deskId, DuplicatesChecked = true, MotherMaidenName = "Kin Secret" },
            Actor.System, CancellationToken.None));
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Message)));
        return created.Value!;
    }
}

public static class ApiHttp
{
    public static StringContent Json(object body) => new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");

    public static StringContent RawJson(string body) => new(body, Encoding.UTF8, "application/json");

    public static async Task<JsonNode> ReadJsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonNode.Parse(text) ?? throw new InvalidOperationException("Empty body");
    }

    /// <summary>Asserts an RFC 9457 problem with this status and returns its body.</summary>
    public static async Task<JsonNode> ProblemAsync(this HttpResponseMessage response, System.Net.HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(text)!;
        Assert.Equal((int)status, (int)problem["status"]!);
        return problem;
    }

    public static Task<HttpResponseMessage> PutAsync(this HttpClient client, string url, object body, string? ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = Json(body) };
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, object body) => client.PostAsync(url, Json(body));

    public static Task<T?> GetJsonAsync<T>(this HttpClient client, string url) => client.GetFromJsonAsync<T>(url);
}
