using System.Net;
using System.Net.Http.Headers;
using System.Text;

using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

using PowRegistry.Web.Tests.Infrastructure;

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
        { "/Consultations/1?handler=Document", true, true },
        { "/Prisoners/Import", true, true },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task ABodyOverTheLimit_Gets413WithItsExplanation_DeclaredOrChunked(string url, bool multipart, bool chunked)
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = app.BaseUrl };
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = Body(multipart, chunked) };
        request.Headers.TransferEncodingChunked = chunked;
        // With a declared length the server answers before reading the body; the client waits for that answer instead of
        // writing 31 MB into a closed connection.
        request.Headers.ExpectContinue = !chunked;

        using var response = await client.SendAsync(request);

        Assert.True(response.StatusCode == HttpStatusCode.RequestEntityTooLarge, $"{url} answered {(int)response.StatusCode} {response.Headers.Location}");
        Assert.Contains("larger than the application accepts. Nothing was saved.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static HttpContent Body(bool multipart, bool chunked)
    {
        byte[] bytes;
        string contentType;
        if (multipart)
        {
            const string boundary = "limit-test-boundary";
            var head = Encoding.ASCII.GetBytes($"--{boundary}\r\nContent-Disposition: form-data; name=\"document\"; filename=\"huge.pdf\"\r\nContent-Type: application/pdf\r\n\r\n");
            var tail = Encoding.ASCII.GetBytes($"\r\n--{boundary}--\r\n");
            bytes = [.. head, .. new byte[OverTheLimit], .. tail];
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
