using System.Text.Json;
using System.Text.Json.Nodes;

using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

using PowRegistry.Core.Common;
using PowRegistry.Web.Infrastructure;

namespace PowRegistry.Web.Api;

/// <summary>
/// Turns service outcomes into HTTP: RFC 9457 problem details for every error, a 400 with an `errors` object keyed
/// by camelCase field for what the service refused, 404 for what the caller may not see, 412 for a stale version.
/// </summary>
public static class ApiProblems
{
    public static Task WriteAsync(HttpContext context, int status, string? detail) =>
        Results.Problem(detail: detail, statusCode: status).ExecuteAsync(context);

    public static IResult NotFound(string what) =>
        Results.Problem(detail: $"No {what} with this identifier is visible to you.", statusCode: StatusCodes.Status404NotFound);

    public static IResult Forbidden(string detail) => Results.Problem(detail: detail, statusCode: StatusCodes.Status403Forbidden);

    /// <summary>400 with the refusals in the caller's language, keyed by camelCase field.</summary>
    public static IResult Validation(IEnumerable<Refusal> errors) => new Worded(text =>
        Results.ValidationProblem(
            errors.GroupBy(e => FieldName(e.Field)).ToDictionary(g => g.Key, g => g.Select(e => text[e]).ToArray()),
            detail: "The request was refused: see `errors`, keyed by field."));

    public static IResult Validation(string field, string message) => Validation([Refusal.Invalid(message).On(field)]);

    /// <summary>
    /// The one place a service's refusal becomes HTTP: not found → 404; forbidden → 403; someone saved first → 412;
    /// a step the record's state refuses (every refusal a conflict, each reason listed) → 409; invalid input → 400.
    /// </summary>
    public static IResult Failed<T>(ServiceResult<T> result, string what) => Refused(result.Errors, what, result.CurrentVersion);

    public static IResult Refused(IReadOnlyList<Refusal> errors, string what, int? currentVersion = null)
    {
        if (errors.Any(e => e.Kind == RefusalKind.NotFound)) return NotFound(what);
        if (errors.FirstOrDefault(e => e.Kind == RefusalKind.Forbidden) is { } forbidden) return new Worded(text => Forbidden(text[forbidden]));
        if (currentVersion is { } version) return StaleVersion(errors, version);
        if (errors.All(e => e.Kind == RefusalKind.Conflict))
        {
            return new Worded(text => Results.Problem(statusCode: StatusCodes.Status409Conflict, detail: "The safeguards refuse this step: see `reasons`.",
                extensions: new Dictionary<string, object?> { ["reasons"] = errors.Select(e => text[e]).ToArray() }));
        }
        return Validation(errors);
    }

    /// <summary>412: someone saved first (or If-Match names an old version). The body says what now differs; ETag gives the current version.</summary>
    public static IResult StaleVersion(IEnumerable<Refusal> errors, int currentVersion) => new Worded(text =>
        new WithHeader(
            Results.Problem(
                detail: "The record has changed since the version in If-Match. Nothing was saved. GET it again, reapply your change, and send the new ETag.",
                statusCode: StatusCodes.Status412PreconditionFailed,
                extensions: new Dictionary<string, object?>
                {
                    ["currentVersion"] = currentVersion,
                    ["errors"] = errors.Where(e => e.Field.Length > 0).GroupBy(e => FieldName(e.Field)).ToDictionary(g => g.Key, g => g.Select(e => text[e]).ToArray()),
                }),
            HeaderNames.ETag, ETag(currentVersion)));

    public static string ETag(int version) => $"\"{version.ToString(System.Globalization.CultureInfo.InvariantCulture)}\"";

    /// <summary>Service field names are C# property names ("FamilyName", "CounterpartIds[0]"); the API's are camelCase.</summary>
    public static string FieldName(string field) =>
        string.Join('.', field.Split('.').Select(part => JsonNamingPolicy.CamelCase.ConvertName(part)));

    /// <summary>
    /// Reads a JSON body. Malformed JSON, a wrong type or an unknown field is a 400 naming the field, never a 500:
    /// an unknown field is refused because on a full update (PUT) a misspelt name would otherwise clear the real one.
    /// </summary>
    public static async Task<(T? Value, IResult? Problem)> ReadJsonAsync<T>(HttpRequest request) where T : class
    {
        if (!request.HasJsonContentType()) return (null, NotJson());
        var options = request.HttpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(request.Body, options, request.HttpContext.RequestAborted);
            return value is null ? (null, Validation("", "The body is empty: send a JSON object.")) : (value, null);
        }
        catch (JsonException e)
        {
            return (null, Unreadable(e));
        }
    }

    /// <summary>
    /// Reads a full replacement (PUT) of a resource: what a GET of <typeparamref name="TResource"/> returned, with some
    /// fields changed. The resource's own fields that are not the caller's to set (its reference, timestamps, status)
    /// are accepted back: they are checked for type and handed back apart in <c>ReadOnly</c>, for the caller to check
    /// where they name something. Every other field is read as <typeparamref name="T"/>, and an unknown one is still
    /// a 400. <c>Sent</c> is the body as sent, to tell a field left out from one sent with its default.
    /// </summary>
    public static async Task<(T? Value, JsonObject? ReadOnly, JsonObject? Sent, IResult? Problem)> ReadReplacementAsync<T, TResource>(HttpRequest request)
        where T : class
    {
        if (!request.HasJsonContentType()) return (null, null, null, NotJson());
        var options = request.HttpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var names = options.PropertyNameCaseInsensitive ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;
        var settable = options.GetTypeInfo(typeof(T)).Properties.Select(p => p.Name).ToHashSet(names);
        var readOnlyNames = options.GetTypeInfo(typeof(TResource)).Properties.Select(p => p.Name).Where(n => !settable.Contains(n)).ToHashSet(names);
        try
        {
            // Through the serializer, not JsonNode.Parse: its errors carry the path, so a truncated body still names the field.
            var sent = await JsonSerializer.DeserializeAsync<JsonNode>(request.Body, options, request.HttpContext.RequestAborted);
            if (sent is null) return (null, null, null, Validation("", "The body is empty: send a JSON object."));
            if (sent is not JsonObject body) return (null, null, null, Validation("", "Send a JSON object."));
            var readOnly = new JsonObject(new JsonNodeOptions { PropertyNameCaseInsensitive = options.PropertyNameCaseInsensitive });
            var writable = new JsonObject();
            foreach (var (name, value) in body)
            {
                (readOnlyNames.Contains(name) ? readOnly : writable)[name] = value?.DeepClone();
            }
            readOnly.Deserialize<TResource>(options); // type-checks what was sent back; the values themselves are not used
            var input = writable.Deserialize<T>(options);
            return (input, readOnly, body, null);
        }
        catch (JsonException e)
        {
            return (null, null, null, Unreadable(e));
        }
        catch (ArgumentException)
        {
            // JsonObject refuses a property name that appears twice (System.Text.Json's reader would keep the last one).
            return (null, null, null, Validation("", "A field appears more than once in the body: send each field once."));
        }
    }

    private static IResult NotJson() =>
        Results.Problem(detail: "Send the body as JSON (Content-Type: application/json).", statusCode: StatusCodes.Status415UnsupportedMediaType);

    /// <summary>A 400 naming the field System.Text.Json could not read: an unknown field, a wrong type, or JSON that is not JSON.</summary>
    private static IResult Unreadable(JsonException e)
    {
        var field = (e.Path ?? "$").TrimStart('$').TrimStart('.');
        var unknown = e.Message.Contains("could not be mapped", StringComparison.Ordinal);
        var message = unknown
            ? "This field is not known here: check its name."
            : field.Length == 0 ? "The body is not valid JSON." : "This value has the wrong type or is not one of the allowed values.";
        if (unknown && UnknownMember(e.Message) is { } member && !field.EndsWith(member, StringComparison.Ordinal))
        {
            field = field.Length == 0 ? member : field + "." + member;
        }
        return Validation(field, message);
    }

    private static string? UnknownMember(string message)
    {
        var start = message.IndexOf('\'', StringComparison.Ordinal);
        var end = start < 0 ? -1 : message.IndexOf('\'', start + 1);
        return end > start ? message[(start + 1)..end] : null;
    }

    /// <summary>A problem whose words are chosen when it is written, in the caller's language (the request's culture).</summary>
    private sealed class Worded(Func<MessageText, IResult> write) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext) => write(httpContext.RequestServices.GetRequiredService<MessageText>()).ExecuteAsync(httpContext);
    }

    /// <summary>A result with one extra response header.</summary>
    public sealed class WithHeader(IResult inner, string name, string value) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers[name] = value;
            return inner.ExecuteAsync(httpContext);
        }
    }
}
