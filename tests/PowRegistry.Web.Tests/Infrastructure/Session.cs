using System.Net;

using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace PowRegistry.Web.Tests.Infrastructure;

/// <summary>
/// A user at a browser without a browser: GETs pages, fills the real forms (antiforgery token included,
/// because it is a hidden field of the form) by field name or by the label a user reads, and follows redirects.
/// </summary>
public sealed class Session(HttpClient client, CookieContainer cookies) : IDisposable
{
    public HttpClient Client { get; } = client;

    /// <summary>The cookies this "browser" holds, as the server set them.</summary>
    public CookieContainer Cookies { get; } = cookies;

    /// <summary>The value of one cookie the client holds, or null.</summary>
    public string? Cookie(string name) => Cookies.GetCookies(PowRegistryFactory.BaseAddress)[name]?.Value;

    /// <summary>From now on, requests come from this client address.</summary>
    public Session From(string address)
    {
        Client.DefaultRequestHeaders.Remove(PowRegistryFactory.RemoteAddressHeader);
        Client.DefaultRequestHeaders.Add(PowRegistryFactory.RemoteAddressHeader, address);
        return this;
    }

    public sealed record Result(HttpStatusCode Status, string Url, IDocument Document, HttpResponseMessage Response)
    {
        public string Text => Document.Body?.TextContent ?? "";

        /// <summary>The validation message shown next to a field (by the field's name, e.g. "Form.FamilyName").</summary>
        public string ErrorFor(string fieldName) =>
            string.Join(" ", Document.QuerySelectorAll($"[data-valmsg-for='{fieldName}'], .field-validation-error")
                .Where(e => e.GetAttribute("data-valmsg-for") == fieldName || e.ParentElement?.QuerySelector($"[name='{fieldName}']") is not null)
                .Select(e => e.TextContent.Trim())
                .Where(t => t.Length > 0));
    }

    public async Task<Result> GetAsync(string url, bool follow = true)
    {
        var response = await Client.GetAsync(url);
        return follow ? await FollowAsync(response) : await ReadAsync(response);
    }

    /// <summary>Fills the form that contains a submit button with <paramref name="button"/> text and submits it.</summary>
    public async Task<Result> SubmitAsync(Result page, string button, IDictionary<string, string?>? values = null, bool follow = true)
    {
        var submit = page.Document.QuerySelectorAll("button, input[type=submit]")
            .FirstOrDefault(b => (b.TextContent.Trim() == button) || b.GetAttribute("value") == button)
            ?? throw new InvalidOperationException($"No button '{button}' on {page.Url}");
        var form = (IHtmlFormElement)(submit.Closest("form") ?? throw new InvalidOperationException("The button is not in a form."));
        var fields = ReadFields(form);
        foreach (var (key, value) in values ?? new Dictionary<string, string?>())
        {
            var name = FieldName(page.Document, form, key);
            fields.RemoveAll(f => f.Key == name);
            if (value is not null) fields.Add(new(name, value));
        }

        var action = form.GetAttribute("action") is { Length: > 0 } a ? a : new Uri(page.Url).PathAndQuery;
        using var content = new FormUrlEncodedContent(fields);
        var response = await Client.PostAsync(action, content);
        return follow ? await FollowAsync(response) : await ReadAsync(response);
    }

    /// <summary>Posts raw fields (for hostile-input tests), with the antiforgery token taken from <paramref name="page"/>.</summary>
    public async Task<Result> PostRawAsync(Result page, string action, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var token = page.Document.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value") ?? "";
        using var content = new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token)));
        return await FollowAsync(await Client.PostAsync(action, content));
    }

    /// <summary>Uploads a file as the form on <paramref name="page"/> would (multipart, with its antiforgery token).</summary>
    public async Task<Result> UploadAsync(Result page, string action, string field, string fileName, byte[] bytes)
    {
        var token = page.Document.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value") ?? "";
        using var content = new MultipartFormDataContent();
        using var file = new ByteArrayContent(bytes);
        content.Add(new StringContent(token), "__RequestVerificationToken");
        content.Add(file, field, fileName);
        return await FollowAsync(await Client.PostAsync(action, content));
    }

    /// <summary>When a registration was held back by the possible-duplicate warning, confirms it and submits again.</summary>
    public async Task<Result> ConfirmIfDuplicateWarningAsync(Result result, string button) =>
        result.Document.QuerySelector("#possible-duplicates") is null
            ? result
            : await SubmitAsync(result, button, new Dictionary<string, string?> { ["I have checked these records: this is a different man"] = "true" });

    public async Task LoginAsync(string email, string password)
    {
        var result = await TryLoginAsync(email, password);
        Assert.False(result.Url.Contains("/Account/Login", StringComparison.Ordinal), $"Login failed for {email}: {result.Text}");
    }

    /// <summary>Fills and submits the login form; the caller looks at where it ended.</summary>
    public async Task<Result> TryLoginAsync(string email, string password, bool follow = true)
    {
        var login = await GetAsync("/Account/Login");
        return await SubmitAsync(login, "Log in", new Dictionary<string, string?> { ["Email"] = email, ["Password"] = password }, follow);
    }

    private async Task<Result> FollowAsync(HttpResponseMessage response)
    {
        for (var hops = 0; hops < 5 && response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther; hops++)
        {
            response = await Client.GetAsync(response.Headers.Location);
        }
        return await ReadAsync(response);
    }

    private static async Task<Result> ReadAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        var url = response.RequestMessage!.RequestUri!.ToString();
        var document = await BrowsingContext.New(Configuration.Default).OpenAsync(r => r.Content(html).Address(url));
        return new Result(response.StatusCode, url, document, response);
    }

    private static List<KeyValuePair<string, string>> ReadFields(IHtmlFormElement form)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name)) continue;
            switch (element)
            {
                case IHtmlInputElement input when input.Type is "checkbox" or "radio":
                    if (input.IsChecked) fields.Add(new(name, input.Value));
                    break;
                case IHtmlInputElement input when input.Type is "submit" or "button":
                    break;
                case IHtmlInputElement input:
                    fields.Add(new(name, input.Value));
                    break;
                case IHtmlSelectElement select:
                    var selected = select.Options.FirstOrDefault(o => o.IsSelected) ?? (select.Options.Length > 0 ? select.Options[0] : null);
                    fields.Add(new(name, selected?.Value ?? ""));
                    break;
                case IHtmlTextAreaElement textArea:
                    fields.Add(new(name, textArea.Value));
                    break;
            }
        }
        return fields;
    }

    /// <summary>A field by its name, or by the text of its label as a user reads it.</summary>
    private static string FieldName(IDocument document, IHtmlFormElement form, string key)
    {
        if (form.Elements.Any(e => e.GetAttribute("name") == key)) return key;
        var label = form.QuerySelectorAll("label").FirstOrDefault(l => l.TextContent.Trim() == key)
            ?? throw new InvalidOperationException($"No field named or labelled '{key}'.");
        var target = label.GetAttribute("for") is { } id ? document.GetElementById(id) : label.QuerySelector("input, select, textarea");
        return target?.GetAttribute("name") ?? throw new InvalidOperationException($"Label '{key}' points at no field.");
    }

    public void Dispose() => Client.Dispose();
}
