namespace PowRegistry.Core.Tests.Data;

/// <summary>
/// The store's provider is known in one folder only (Core/Data/Sqlite: its setup, its SQL, its migrations), so that a
/// second provider is a sibling folder and not a hunt through services. Read from the source, so a new file is covered.
/// </summary>
public sealed class ProviderSeamTests
{
    private static readonly string[] ProviderWords = ["Microsoft.Data.Sqlite", "SqliteException", "UseSqlite", "SqliteConnection", "PRAGMA "];

    [Fact]
    public void NoSourceOutsideTheProviderFolder_NamesTheSqliteProvider()
    {
        var root = RepositoryRoot();
        var core = Path.Combine(root, "src", "PowRegistry.Core");
        var providerFolder = Path.Combine(core, "Data", "Sqlite") + Path.DirectorySeparatorChar;
        var offending = Directory.EnumerateFiles(Path.Combine(root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.StartsWith(providerFolder, StringComparison.Ordinal))
            .SelectMany(f => ProviderWords.Where(w => File.ReadAllText(f).Contains(w, StringComparison.Ordinal)).Select(w => $"{Path.GetRelativePath(root, f)}: {w}"))
            .ToList();
        Assert.Empty(offending);
        Assert.True(Directory.EnumerateFiles(Path.Combine(providerFolder, "Migrations"), "*.cs").Any(), "the SQLite migrations live in Data/Sqlite/Migrations");
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "PowRegistry.sln"))) folder = folder.Parent;
        return folder?.FullName ?? throw new InvalidOperationException("PowRegistry.sln not found above " + AppContext.BaseDirectory);
    }
}
