using PowRegistry.Web.Tests.Infrastructure;

namespace PowRegistry.Web.Tests;

/// <summary>Settings are checked when the app starts: a bad value stops it, with a message naming the key.</summary>
public sealed class SettingsStartUpTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"powregistry-settings-{Guid.NewGuid():N}");

    [Theory]
    [InlineData("PowRegistry__Consultations__StalledAfterDays", "-5", "PowRegistry:Consultations:StalledAfterDays must be between 1 and 3650 days.")]
    [InlineData("PowRegistry__Consultations__MaxDocumentBytes", "0", "PowRegistry:Consultations:MaxDocumentBytes must be between 1 and 104857600 bytes.")]
    [InlineData("PowRegistry__Notifications__CaptureCardDays", "-1", "PowRegistry:Notifications:CaptureCardDays must be between 0 and 365 days.")]
    [InlineData("PowRegistry__Requests__ReconfirmationDays", "-3", "PowRegistry:Requests:ReconfirmationDays must be between 0 and 365 days.")]
    [InlineData("PowRegistry__Retention__ClosedRecordYears", "0", "PowRegistry:Retention:ClosedRecordYears must be between 1 and 100 years.")]
    [InlineData("PowRegistry__ForwardedHeaders__KnownProxies__0", "proxy.example", "PowRegistry:ForwardedHeaders:KnownProxies:0 = \"proxy.example\" is not an IP address or network.")]
    [InlineData("PowRegistry__ForwardedHeaders__KnownNetworks__0", "10.0.0.0/99", "PowRegistry:ForwardedHeaders:KnownNetworks:0 = \"10.0.0.0/99\" is not an IP address or network.")]
    [InlineData("PowRegistry__Database__Provider", "Oracle", "PowRegistry:Database:Provider is \"Oracle\": it must be Sqlite or PostgreSql.")]
    [InlineData("PowRegistry__Database__Provider", "1", "PowRegistry:Database:Provider is \"1\": it must be Sqlite or PostgreSql.")]
    [InlineData("PowRegistry__Database__Provider", "PostgreSql", "PowRegistry:Database:Provider is PostgreSql: set ConnectionStrings:PowRegistry")] // with SQLite's file as its connection string
    [InlineData("PowRegistry__SignIn__TrustedProxies__0", "10.0.0.5", "PowRegistry:SignIn:TrustedProxies has moved to PowRegistry:ForwardedHeaders:KnownProxies")]
    public async Task ABadValue_StopsStartUp_WithAClearMessage_BeforeTheDatabaseIsTouched(string key, string value, string message)
    {
        var database = Path.Combine(_folder, "powregistry.db");
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__PowRegistry"] = $"Data Source={database}",
            ["PowRegistry__Audit__KeyFile"] = Path.Combine(_folder, "audit.key"),
            ["PowRegistry__LogFolder"] = Path.Combine(_folder, "logs"),
            [key] = value,
        };

        var (exitCode, output) = await AppProcess.RunAsync(environment, "verify-audit");

        Assert.True(exitCode == 1, output);
        Assert.Contains(message, output, StringComparison.Ordinal);
        Assert.False(File.Exists(database), "the database was created before the settings were checked");
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }
}
