namespace PowRegistry.Web.Api;

public static class ApiPolicies
{
    /// <summary>Any valid token; what it sees is still limited by its user's desks.</summary>
    public const string Read = "ApiRead";

    /// <summary>A read-write token whose user may change records (administrators and case officers).</summary>
    public const string Write = "ApiWrite";

    /// <summary>A read-write token of an administrator.</summary>
    public const string Administer = "ApiAdminister";

    /// <summary>The OpenAPI document: a token of any scope, or an administrator's session.</summary>
    public const string Document = "ApiDocument";
}
