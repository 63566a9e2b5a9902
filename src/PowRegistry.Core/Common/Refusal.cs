namespace PowRegistry.Core.Common;

/// <summary>
/// The one way Core says no, from entity to page: what kind of refusal, the message (a key and its arguments), and the
/// field it belongs to ("" for the whole form). Pages map it in PageExtensions, the API in ApiProblems.
/// </summary>
public sealed record Refusal(RefusalKind Kind, Message Message, string Field = "")
{
    public static Refusal Invalid(string key, params object?[] args) => new(RefusalKind.Invalid, new Message(key, args));
    public static Refusal NotFound(string key = "Common.NotFound", params object?[] args) => new(RefusalKind.NotFound, new Message(key, args));
    public static Refusal Forbidden(string key, params object?[] args) => new(RefusalKind.Forbidden, new Message(key, args));
    public static Refusal Conflict(string key, params object?[] args) => new(RefusalKind.Conflict, new Message(key, args));

    /// <summary>The same refusal, shown next to the given field.</summary>
    public Refusal On(string field) => this with { Field = field };
}
