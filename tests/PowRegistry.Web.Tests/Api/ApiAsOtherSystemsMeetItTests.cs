using System.Net;
using System.Text.Json.Nodes;

using PowRegistry.Core.Accounts;
using PowRegistry.Core.Api;

namespace PowRegistry.Web.Tests.Api;

/// <summary>
/// The API as another system's client meets it (issue 15): what a GET returns goes back in a PUT unchanged but for
/// the field being changed; the OpenAPI document is readable with any token; nothing under /api or /openapi answers
/// with the login page.
/// </summary>
public sealed class ApiAsOtherSystemsMeetItTests(ApiFactory app) : IClassFixture<ApiFactory>
{
    private async Task<(HttpClient Client, string Reference)> OfficerWithPrisonerAsync()
    {
        var client = app.Api(await app.TokenAsync(Roles.CaseOfficer));
        var prisoner = await app.PrisonerAsync();
        return (client, prisoner.Reference);
    }

    [Fact]
    public async Task WhatAGetReturns_GoesBackInAPut_WithOneFieldChanged()
    {
        var (client, reference) = await OfficerWithPrisonerAsync();
        using var _ = client;
        var get = await client.GetAsync($"/api/v1/prisoners/{reference}");
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        var before = (await get.ReadJsonAsync()).AsObject();
        // Every read-only field of the resource is in what we send back: reference, version, createdAt, ...
        foreach (var readOnly in new[] { "reference", "version", "nextOfKinWithheld", "custodyStatus", "currentWish", "createdAt", "updatedAt" })
        {
            Assert.True(before.ContainsKey(readOnly), readOnly);
        }

        var body = before.DeepClone().AsObject();
        body["rank"] = "Corporal";
        var put = await client.PutAsync($"/api/v1/prisoners/{reference}", body, get.Headers.ETag!.ToString());
        Assert.True(put.StatusCode == HttpStatusCode.OK, await put.Content.ReadAsStringAsync());

        var after = (await (await client.GetAsync($"/api/v1/prisoners/{reference}")).ReadJsonAsync()).AsObject();
        Assert.Equal("Corporal", (string?)after["rank"]);
        foreach (var (name, value) in before)
        {
            if (name is "rank" or "version" or "updatedAt") continue;
            Assert.True(JsonNode.DeepEquals(value, after[name]), $"{name} changed: {value?.ToJsonString()} → {after[name]?.ToJsonString()}");
        }
        Assert.Equal((int)before["version"]! + 1, (int)after["version"]!);
    }

    [Fact]
    public async Task AnUnknownField_IsStillRefused_InARoundTrip()
    {
        var (client, reference) = await OfficerWithPrisonerAsync();
        using var _ = client;
        var get = await client.GetAsync($"/api/v1/prisoners/{reference}");
        var body = (await get.ReadJsonAsync()).AsObject();
        body["rankk"] = "Corporal";
        var put = await client.PutAsync($"/api/v1/prisoners/{reference}", body, get.Headers.ETag!.ToString());
        var problem = await put.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["rankk"]);
    }

    [Fact]
    public async Task ReadOnlyFieldsThatDisagree_WithTheAddressOrIfMatch_AreRefused_AndNothingIsSaved()
    {
        var (client, reference) = await OfficerWithPrisonerAsync();
        using var _ = client;
        var other = (await app.PrisonerAsync()).Reference;
        var get = await client.GetAsync($"/api/v1/prisoners/{reference}");
        var etag = get.Headers.ETag!.ToString();
        var read = (await get.ReadJsonAsync()).AsObject();

        var wrongReference = read.DeepClone().AsObject();
        wrongReference["reference"] = other;
        wrongReference["rank"] = "Corporal";
        var problem = await (await client.PutAsync($"/api/v1/prisoners/{reference}", wrongReference, etag)).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["reference"]);

        var wrongVersion = read.DeepClone().AsObject();
        wrongVersion["version"] = (int)read["version"]! + 5;
        wrongVersion["rank"] = "Corporal";
        problem = await (await client.PutAsync($"/api/v1/prisoners/{reference}", wrongVersion, etag)).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["version"]);

        var wrongType = read.DeepClone().AsObject();
        wrongType["createdAt"] = 12;
        wrongType["rank"] = "Corporal";
        problem = await (await client.PutAsync($"/api/v1/prisoners/{reference}", wrongType, etag)).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["createdAt"]);

        var now = await (await client.GetAsync($"/api/v1/prisoners/{reference}")).ReadJsonAsync();
        Assert.Equal((string?)read["rank"], (string?)now["rank"]);
        Assert.Equal((int)read["version"]!, (int)now["version"]!);
    }

    [Theory]
    [InlineData("{\"familyName\": ", "")] // cut off: the whole body is not JSON
    [InlineData("not json at all", "")]
    [InlineData("[1, 2, 3]", "")]
    [InlineData("null", "")]
    [InlineData("{\"rank\": \"Private\", \"rank\": \"Corporal\"}", "")]
    [InlineData("{\"createdAt\": \"yesterday\"}", "createdAt")]
    [InlineData("{\"reference\": {\"nested\": 1}}", "reference")]
    public async Task AMalformedReplacement_Is400_NamingTheField_Never500(string body, string field)
    {
        var (client, reference) = await OfficerWithPrisonerAsync();
        using var _ = client;
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/prisoners/{reference}") { Content = ApiHttp.RawJson(body) };
        request.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        var problem = await (await client.SendAsync(request)).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem["errors"]!.AsObject().ContainsKey(field), problem.ToJsonString());
    }

    [Theory]
    [InlineData(ApiTokenScope.Read, Roles.CaseOfficer)]
    [InlineData(ApiTokenScope.ReadWrite, Roles.CaseOfficer)]
    [InlineData(ApiTokenScope.Read, Roles.Auditor)]
    [InlineData(ApiTokenScope.ReadWrite, Roles.Administrator)]
    public async Task TheOpenApiDocument_IsReadable_WithATokenOfAnyScope(ApiTokenScope scope, string role)
    {
        using var client = app.Api(await app.TokenAsync(role, scope));
        var response = await client.GetAsync("/openapi/v1.json");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var document = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.NotNull(document["paths"]!["/api/v1/prisoners"]);
    }

    public static TheoryData<string, string> Addresses => new()
    {
        { "GET", "/api" },
        { "GET", "/api/v1" },
        { "GET", "/api/v1/prisoners" },
        { "GET", "/api/v1/prisoners/POW-2025-000001" },
        { "POST", "/api/v1/prisoners" },
        { "PUT", "/api/v1/prisoners/POW-2025-000001" },
        { "GET", "/api/v2/anything" },
        { "GET", "/API/V1/PRISONERS" },
        { "GET", "/openapi" },
        { "GET", "/openapi/v1.json" },
        { "GET", "/openapi/v2.json" },
        { "GET", "/OpenApi/V1.json" },
    };

    [Theory]
    [MemberData(nameof(Addresses))]
    public async Task NothingUnderApiOrOpenApi_RedirectsToTheLoginPage_WithoutACredential(string method, string path)
    {
        using var client = app.Api(token: null);
        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = method == "GET" ? null : ApiHttp.RawJson("{}") });
        AssertProblemNotRedirect(response, HttpStatusCode.Unauthorized, HttpStatusCode.NotFound);
    }

    [Theory]
    [MemberData(nameof(Addresses))]
    public async Task NothingUnderApiOrOpenApi_RedirectsToTheLoginPage_WithAPagesSessionCookie(string method, string path)
    {
        // A case officer's browser session: the API never takes a cookie, and the document is not his to read that way.
        using var officer = await app.LoginAsNewUserAsync(Roles.CaseOfficer);
        var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = method == "GET" ? null : ApiHttp.RawJson("{}") };
        var response = await officer.Client.SendAsync(request);
        AssertProblemNotRedirect(response, HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AReadToken_ThatTriesToWrite_Gets403ProblemDetails_NotARedirect()
    {
        var (_, reference) = await OfficerWithPrisonerAsync();
        using var client = app.Api(await app.TokenAsync(Roles.CaseOfficer, ApiTokenScope.Read));
        var response = await client.PostJsonAsync($"/api/v1/prisoners/{reference}/aliases", new { name = "Kim", source = "stated" });
        AssertProblemNotRedirect(response, HttpStatusCode.Forbidden);
    }

    private static void AssertProblemNotRedirect(HttpResponseMessage response, params HttpStatusCode[] allowed)
    {
        var status = (int)response.StatusCode;
        Assert.False(status is >= 300 and < 400, $"{response.RequestMessage!.Method} {response.RequestMessage.RequestUri}: redirected ({status}) to {response.Headers.Location}");
        Assert.True(allowed.Contains(response.StatusCode), $"{response.RequestMessage!.Method} {response.RequestMessage.RequestUri}: {status}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
