using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

using PowRegistry.Core.Accounts;
using PowRegistry.Core.Common;
using PowRegistry.Core.Desks;
using PowRegistry.Web.Tests.Infrastructure;

namespace PowRegistry.Web.Tests.Api;

/// <summary>
/// docs/api.md cannot drift: its worked example is run here as written. The create-token command runs as an operator
/// would; every curl is parsed (method, URL, headers, body, `| jq -r .field` and `-w '%header{etag}'` captures)
/// and sent to the application, and the status must be the one the page marks with `# → NNN`.
/// </summary>
public sealed partial class ApiDocTests(ApiFactory app) : IClassFixture<ApiFactory>
{
    private static string DocPath([System.Runtime.CompilerServices.CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", "..", "docs", "api.md"));

    [Fact]
    public async Task TheWorkedExampleInDocsApiMd_RunsAsWritten()
    {
        var blocks = BashBlocks(await File.ReadAllTextAsync(DocPath()));
        var variables = new Dictionary<string, string>(StringComparer.Ordinal) { ["BASE"] = PowRegistryFactory.BaseAddress.ToString().TrimEnd('/') };
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = PowRegistryFactory.BaseAddress, AllowAutoRedirect = false, HandleCookies = false });
        var statuses = new List<int>();

        foreach (var block in blocks)
        {
            var command = Regex.Replace(block, @"\\\r?\n", " ");
            var lines = command.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
            if (lines.FirstOrDefault(l => l.Contains("-- create-token", StringComparison.Ordinal)) is { } createToken)
            {
                variables["TOKEN"] = await RunCreateTokenAsync(createToken);
                continue;
            }
            var curl = lines.Where(l => !l.StartsWith('#')).ToList();
            if (!curl.Any(l => l.Contains("curl ", StringComparison.Ordinal)))
            {
                foreach (var assignment in curl.Select(l => AssignmentRegex().Match(l)).Where(m => m.Success))
                {
                    variables.TryAdd(assignment.Groups[1].Value, assignment.Groups[2].Value); // BASE and TOKEN are the test's own
                }
                continue;
            }
            var expected = lines.Select(l => ExpectedRegex().Match(l)).SingleOrDefault(m => m.Success)
                ?? throw new InvalidOperationException($"A curl in docs/api.md has no '# → NNN' status: {curl[0]}");

            var (status, capture) = await ReplayAsync(client, string.Join(' ', curl), variables);
            Assert.True(status == int.Parse(expected.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture),
                $"docs/api.md says {expected.Groups[1].Value}, the API answered {status}: {string.Join(' ', curl)}");
            if (capture is { } c) variables[c.Name] = c.Value;
            statuses.Add(status);
        }

        Assert.True(statuses.Count >= 10, $"Only {statuses.Count} curl commands replayed");
        foreach (var shown in new[] { 200, 201, 400, 401, 412, 428 }) Assert.Contains(shown, statuses);
        Assert.Matches(@"^POW-\d{4}-\d{6}$", variables["REF"]);
        Assert.Equal("\"1\"", variables["ETAG"]);
    }

    /// <summary>Runs the doc's create-token command line against this app's database, for a user with the doc's email; returns the printed token.</summary>
    private async Task<string> RunCreateTokenAsync(string line)
    {
        var args = line[(line.IndexOf(" -- ", StringComparison.Ordinal) + 4)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var email = args[Array.IndexOf(args, "--email") + 1];
        await using (var scope = app.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystem();
            var created = await scope.ServiceProvider.GetRequiredService<UserAdminService>().CreateAsync(
                new NewUserInput { Email = email, DisplayName = "Doc officer", Role = Roles.CaseOfficer, Password = PowRegistryFactory.OfficerPassword }, Actor.System, CancellationToken.None);
            Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Message)));
            await scope.ServiceProvider.GetRequiredService<DeskService>().SetMembershipAsync(created.Value!.Id, [Desk.DefaultDeskId], CancellationToken.None);
        }
        var (exit, output) = await AppProcess.RunAsync(AppProcess.EnvironmentFor(app), args);
        Assert.True(exit == 0, output);
        return output.Split('\n').Select(l => l.Trim()).First(l => l.StartsWith("Token: ", StringComparison.Ordinal))["Token: ".Length..];
    }

    private static async Task<(int Status, (string Name, string Value)? Capture)> ReplayAsync(HttpClient client, string line, Dictionary<string, string> variables)
    {
        string? captureName = null;
        if (CaptureRegex().Match(line) is { Success: true } captured)
        {
            captureName = captured.Groups[1].Value;
            line = captured.Groups[2].Value;
        }
        var pipe = Tokens(line, variables);
        var jqAt = pipe.IndexOf("|");
        var jqField = jqAt >= 0 ? pipe[^1] : null;
        var words = jqAt >= 0 ? pipe[..jqAt] : pipe;
        Assert.Equal("curl", words[0]);

        string? method = null, body = null, url = null, writeOut = null;
        var headers = new List<(string Name, string Value)>();
        for (var i = 1; i < words.Count; i++)
        {
            switch (words[i])
            {
                case "-X": method = words[++i]; break;
                case "-H": var h = words[++i]; headers.Add((h[..h.IndexOf(':', StringComparison.Ordinal)].Trim(), h[(h.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim())); break;
                case "-d" or "--data": body = words[++i]; break;
                case "-w": writeOut = words[++i]; break;
                case "-o": i++; break;
                case "-s" or "-i" or "-si": break;
                default:
                    Assert.False(words[i].StartsWith('-'), $"The replay does not know the curl option {words[i]}");
                    url = words[i];
                    break;
            }
        }
        using var request = new HttpRequestMessage(new HttpMethod(method ?? (body is null ? "GET" : "POST")), url);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(headers.FirstOrDefault(h => h.Name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)).Value ?? "application/x-www-form-urlencoded");
        }
        foreach (var (name, value) in headers.Where(h => !h.Name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))) request.Headers.TryAddWithoutValidation(name, value);

        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (captureName is null) return ((int)response.StatusCode, null);
        if (writeOut == "%header{etag}") return ((int)response.StatusCode, (captureName, response.Headers.ETag?.ToString() ?? ""));
        Assert.NotNull(jqField);
        var node = JsonNode.Parse(text);
        foreach (var part in jqField!.TrimStart('.').Split('.')) node = node?[part];
        return ((int)response.StatusCode, (captureName, node?.GetValue<string>() ?? "null"));
    }

    /// <summary>Shell words: single quotes literal, double quotes and bare words with $VAR expanded, `|` on its own.</summary>
    private static List<string> Tokens(string line, Dictionary<string, string> variables)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (char.IsWhiteSpace(c))
            {
                if (inWord) words.Add(word.ToString());
                word.Clear();
                inWord = false;
            }
            else if (c == '|')
            {
                if (inWord) words.Add(word.ToString());
                words.Add("|");
                word.Clear();
                inWord = false;
            }
            else if (c == '\'')
            {
                var end = line.IndexOf('\'', i + 1);
                word.Append(line, i + 1, end - i - 1);
                i = end;
                inWord = true;
            }
            else if (c == '"')
            {
                var end = i + 1;
                while (line[end] != '"') end += line[end] == '\\' ? 2 : 1;
                word.Append(Expand(line[(i + 1)..end].Replace("\\\"", "\"", StringComparison.Ordinal), variables));
                i = end;
                inWord = true;
            }
            else
            {
                var end = i;
                while (end < line.Length && !char.IsWhiteSpace(line[end]) && line[end] is not ('\'' or '"' or '|')) end++;
                word.Append(Expand(line[i..end], variables));
                i = end - 1;
                inWord = true;
            }
        }
        if (inWord) words.Add(word.ToString());
        return words;
    }

    private static string Expand(string text, Dictionary<string, string> variables) =>
        VariableRegex().Replace(text, m => variables.TryGetValue(m.Groups[1].Value.Length > 0 ? m.Groups[1].Value : m.Groups[2].Value, out var v)
            ? v
            : throw new InvalidOperationException($"docs/api.md uses {m.Value} before setting it"));

    private static List<string> BashBlocks(string markdown) =>
        BashBlockRegex().Matches(markdown).Select(m => m.Groups[1].Value).ToList();

    [GeneratedRegex(@"```bash\r?\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex BashBlockRegex();

    [GeneratedRegex(@"^#\s*→\s*(\d{3})")]
    private static partial Regex ExpectedRegex();

    [GeneratedRegex(@"^([A-Z_]+)=([^$(].*)$")]
    private static partial Regex AssignmentRegex();

    [GeneratedRegex(@"^([A-Z_]+)=\$\((.*)\)$", RegexOptions.Singleline)]
    private static partial Regex CaptureRegex();

    [GeneratedRegex(@"\$\{(\w+)\}|\$(\w+)")]
    private static partial Regex VariableRegex();
}
