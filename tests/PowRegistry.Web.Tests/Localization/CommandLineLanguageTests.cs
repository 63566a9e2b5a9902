using System.Xml.Linq;

using PowRegistry.Web.Tests.Infrastructure;

namespace PowRegistry.Web.Tests.Localization;

/// <summary>The operator commands speak the operator's language (issue 15): .NET reads it from LANG, as for any command-line tool.</summary>
public sealed class CommandLineLanguageTests(PowRegistryFactory app) : IClassFixture<PowRegistryFactory>
{
    private static string Words(string language, string english) =>
        XDocument.Load(Path.Combine(Resources.RepositoryRoot, "src", "PowRegistry.Web", "Resources", $"SharedResource.{language}.resx"))
            .Root!.Elements("data").Single(d => (string)d.Attribute("name")! == english).Element("value")!.Value;

    [Theory]
    [InlineData("ko_KR.UTF-8", "ko")]
    [InlineData("uk_UA.UTF-8", "uk")]
    [InlineData("C.UTF-8", "en")]
    public async Task ACommand_Answers_InTheLanguageOfLang(string lang, string language)
    {
        _ = app.Services; // the database exists and is migrated
        var environment = AppProcess.EnvironmentFor(app);
        environment["LANG"] = lang;
        environment["LC_ALL"] = lang;

        var (exit, output) = await AppProcess.RunAsync(environment, "verify-tallies");
        Assert.Equal(0, exit);
        const string agree = "The review's counts agree with the records.";
        Assert.Contains(language == "en" ? agree : Words(language, agree), output, StringComparison.Ordinal);

        var (usageExit, usage) = await AppProcess.RunAsync(environment, "backup");
        Assert.Equal(2, usageExit);
        const string backupUsage = "Usage: backup PATH   (PATH must not exist yet)";
        Assert.Contains(language == "en" ? backupUsage : Words(language, backupUsage), usage, StringComparison.Ordinal);
    }
}
