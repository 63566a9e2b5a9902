using System.Net;
using System.Net.Http.Headers;
using System.Text;

using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

using PowRegistry.Web.Infrastructure;
using PowRegistry.Web.Tests.Infrastructure;

using static PowRegistry.Web.Tests.Infrastructure.PowRegistryFactory;

namespace PowRegistry.Web.Tests;

/// <summary>
/// Kestrel's request size limit (30 MB) on a real port: TestServer does not enforce it. A body over the limit gets 413
/// with its explanation, whether its length was declared or it came in chunks with no length at all.
/// </summary>
public sealed class KestrelLimitTests(KestrelLimitTests.App app) : IClassFixture<KestrelLimitTests.App>
{
    public sealed class App : PowRegistryFactory, IAsyncLifetime
    {
        public Uri BaseUrl { get; private set; } = null!;

        public Task InitializeAsync()
        {
            UseKestrel(0);
            StartServer();
            var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            BaseUrl = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal));
            return Task.CompletedTask;
        }

        Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
    }

    private const int OverTheLimit = 31 * 1024 * 1024;

    public static TheoryData<string, bool, bool> Bodies => new()
    {
        // url, multipart, chunked
        // (A form-encoded body cannot reach 30 MB in chunks: ASP.NET Core's form limits, 4 MB a value and 1,024 values, refuse it first.)
        { "/Account/Login", false, false },
        { "/Consultations/1?handler=Document", true, false },
        { "/Consultations/1?handler=Document", true, true },
        { "/Prisoners/Import", true, true },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task ABodyOverTheLimit_Gets413WithItsExplanation_DeclaredOrChunked(string url, bool multipart, bool chunked)
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = app.BaseUrl };
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = Body(multipart, chunked, url.StartsWith("/Prisoners/Import", StringComparison.Ordinal) ? RequestSizeGuard.ImportBodyLimit + (1024 * 1024) : OverTheLimit) };
        request.Headers.Add("Cookie", await SignInAsync(client));
        request.Headers.TransferEncodingChunked = chunked;
        // With a declared length the server answers before reading the body; the client waits for that answer instead of
        // writing 31 MB into a closed connection.
        request.Headers.ExpectContinue = !chunked;

        using var response = await client.SendAsync(request);

        Assert.True(response.StatusCode == HttpStatusCode.RequestEntityTooLarge, $"{url} answered {(int)response.StatusCode} {response.Headers.Location}");
        Assert.Contains("larger than the application accepts. Nothing was saved.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAnonymousChunkedUpload_IsSentToLogIn_WithoutItsBodyBeingRead()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = app.BaseUrl };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/Consultations/1?handler=Document") { Content = Body(multipart: true, chunked: true, OverTheLimit) };
        request.Headers.TransferEncodingChunked = true;
        // The client sends the body only once the server asks for it (100 Continue), which Kestrel does when the app
        // starts reading. Answered without reading, the client never sends it: no race with a closed connection, and
        // a body that was read would show as 413 instead of the redirect.
        request.Headers.ExpectContinue = true;

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    /// <summary>
    /// Logs in as the administrator and returns the Cookie header to send. The cookies are Secure (__Host-), which .NET's
    /// cookie container will not send over plain HTTP, so they are carried by hand.
    /// </summary>
    private static async Task<string> SignInAsync(HttpClient client)
    {
        using var login = await client.GetAsync("/Account/Login");
        var cookies = CookiesOf(login, []);
        var html = await login.Content.ReadAsStringAsync();
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var post = new HttpRequestMessage(HttpMethod.Post, "/Account/Login")
        {
            Content = new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("Form.Email", AdminEmail), new("Form.Password", AdminPassword)]),
        };
        post.Headers.Add("Cookie", string.Join("; ", cookies.Select(c => $"{c.Key}={c.Value}")));
        using var signedIn = await client.SendAsync(post);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return string.Join("; ", CookiesOf(signedIn, cookies).Select(c => $"{c.Key}={c.Value}"));
    }

    private static Dictionary<string, string> CookiesOf(HttpResponseMessage response, Dictionary<string, string> earlier)
    {
        var cookies = new Dictionary<string, string>(earlier);
        foreach (var header in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
        {
            var pair = header.Split(';')[0].Split('=', 2);
            cookies[pair[0]] = pair[1];
        }
        return cookies;
    }

    /// <summary>A body of <paramref name="size"/> bytes: over the server's limit, or over the import page's own larger one.</summary>
    private static HttpContent Body(bool multipart, bool chunked, long size)
    {
        byte[] bytes;
        string contentType;
        if (multipart)
        {
            const string boundary = "limit-test-boundary";
            var head = Encoding.ASCII.GetBytes($"--{boundary}\r\nContent-Disposition: form-data; name=\"document\"; filename=\"huge.pdf\"\r\nContent-Type: application/pdf\r\n\r\n");
            var tail = Encoding.ASCII.GetBytes($"\r\n--{boundary}--\r\n");
            bytes = [.. head, .. new byte[size], .. tail];
            contentType = $"multipart/form-data; boundary={boundary}";
        }
        else
        {
            bytes = [.. "Form.Email=a%40b.test&Form.Password="u8, .. Enumerable.Repeat((byte)'x', OverTheLimit)];
            contentType = "application/x-www-form-urlencoded";
        }
        // A stream that cannot tell its length makes the client send chunks without Content-Length.
        HttpContent content = chunked ? new StreamContent(new LengthlessStream(bytes)) : new ByteArrayContent(bytes);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return content;
    }

    private sealed class LengthlessStream(byte[] bytes) : MemoryStream(bytes, writable: false)
    {
        public override bool CanSeek => false;
    }
}
