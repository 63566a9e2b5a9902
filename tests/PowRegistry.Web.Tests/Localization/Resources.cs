using System.Xml.Linq;

namespace PowRegistry.Web.Tests.Localization;

/// <summary>The repository's English words for Core's keys (src/PowRegistry.Web/Resources/MessageResource.resx), and Core's sources.</summary>
internal static class Resources
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static IReadOnlyDictionary<string, string> English { get; } =
        XDocument.Load(Path.Combine(RepositoryRoot, "src", "PowRegistry.Web", "Resources", "MessageResource.resx"))
            .Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "", StringComparer.Ordinal);

    /// <summary>Core's C# files, without generated migrations.</summary>
    public static IEnumerable<string> CoreSources() =>
        Directory.EnumerateFiles(Path.Combine(RepositoryRoot, "src", "PowRegistry.Core"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    public static string Relative(string path) => Path.GetRelativePath(RepositoryRoot, path).Replace('\\', '/');

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PowRegistry.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("PowRegistry.sln not found above the test binaries.");
    }
}
