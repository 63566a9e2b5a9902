using System.Globalization;

using Microsoft.Data.Sqlite;

namespace PowRegistry.Benchmarks;

/// <summary>
/// <c>--scalar DB SQL</c>: prints the first column of the first row, for the benchmark scripts' checks (CI machines have
/// the .NET SDK, not the sqlite3 shell or Python). Null when the arguments ask for something else.
/// </summary>
internal static class ScalarQuery
{
    public static int? TryRun(string[] args)
    {
        if (args.Length != 3 || args[0] != "--scalar") return null;
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = args[1], Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = args[2];
        Console.WriteLine(Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture));
        return 0;
    }
}
