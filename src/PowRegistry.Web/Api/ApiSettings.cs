namespace PowRegistry.Web.Api;

/// <summary>API settings (configuration section PowRegistry:Api).</summary>
public sealed class ApiSettings
{
    /// <summary>Requests a minute for one token (or, without one, one client address). Beyond it: 429 with Retry-After.</summary>
    public int RequestsPerMinute { get; set; } = 300;
}
