namespace PowRegistry.Core.Tests.Data;

/// <summary>
/// Each store's provider is known in its own folder only (Core/Data/Sqlite, Core/Data/PostgreSql and PostgreSQL's
/// migrations project: setup, SQL, migrations; ADR-025), and <c>Data/DatabaseSetup</c> chooses between them, so that
/// no service hides provider code. Read from the source, so a new file is covered.
/// </summary>
public sealed class ProviderSeamTests
{
    [Theory]
    [InlineData("SQLite", new[] { "Microsoft.Data.Sqlite", "SqliteException", "UseSqlite", "SqliteConnection", "PRAGMA " }, new[] { "src/PowRegistry.Core/Data/Sqlite/" })]
    [InlineData("PostgreSQL", new[] { "Npgsql", "PostgresException", "UseNpgsql", "pg_advisory", "pg_dump" }, new[] { "src/PowRegistry.Core/Data/PostgreSql/", "src/PowRegistry.Migrations.PostgreSql/" })]
    public void NoSourceOutsideTheProviderFolders_NamesTheProvider(string provider, string[] providerWords, string[] providerFolders)
    {
        var root = RepositoryRoot();
        var offending = Directory.EnumerateFiles(Path.Combine(root, "src"), "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal)
                && !providerFolders.Any(folder => f.StartsWith(folder, StringComparison.Ordinal)))
            .SelectMany(f => providerWords.Where(w => File.ReadAllText(Path.Combine(root, f)).Contains(w, StringComparison.Ordinal)).Select(w => $"{f}: {w}"))
            .ToList();
        Assert.True(offending.Count == 0, $"{provider} named outside its folders: {string.Join("; ", offending)}");
    }

    [Fact]
    public void EachProvider_HasItsMigrations()
    {
        var root = RepositoryRoot();
        Assert.True(Directory.EnumerateFiles(Path.Combine(root, "src", "PowRegistry.Core", "Data", "Sqlite", "Migrations"), "*.cs").Any(), "SQLite's migrations live in Data/Sqlite/Migrations");
        Assert.True(Directory.EnumerateFiles(Path.Combine(root, "src", "PowRegistry.Migrations.PostgreSql", "Migrations"), "*.cs").Any(), "PostgreSQL's migrations live in PowRegistry.Migrations.PostgreSql/Migrations");
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "PowRegistry.sln"))) folder = folder.Parent;
        return folder?.FullName ?? throw new InvalidOperationException("PowRegistry.sln not found above " + AppContext.BaseDirectory);
    }
}
