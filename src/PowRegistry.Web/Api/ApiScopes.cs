namespace PowRegistry.Web.Api;

public static class ApiScopes
{
    public const string Read = "read";
    public const string ReadWrite = "read-write";
}
