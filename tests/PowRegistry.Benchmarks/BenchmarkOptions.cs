using System.Globalization;

using PowRegistry.Core.Data;

namespace PowRegistry.Benchmarks;

internal sealed record BenchmarkOptions(
    int Count, string DatabasePath, bool Reuse, bool SeedOnly, int Repetitions, int Warmup, int BatchSize, TimeSpan Budget, string? ReportPath, bool Review = false, string? Only = null,
    DatabaseProvider Provider = DatabaseProvider.Sqlite, string? Connection = null)
{
    public const string Usage = """
        PowRegistry register benchmark: seeds fictional prisoners, then times RegisterService.ListAsync.

          --count N        prisoners to seed (default 1000000)
          --db PATH        database file, deleted and re-created (default /tmp/powregistry-bench.db)
          --provider NAME  Sqlite (default) or PostgreSql
          --connection CS  with --provider PostgreSql: an Npgsql connection string; its database's public schema is
                           dropped and re-created unless --reuse finds --count prisoners in it
          --reuse          keep an existing database of the same size instead of seeding again (migrated first)
          --seed-only      seed (or, with --reuse, keep) the database and stop: for the HTTP and import benchmarks
          --reps N         timed calls per scenario (default 30)
          --warmup N       untimed calls per scenario first (default 3)
          --batch N        prisoners per seeding transaction (default 20000)
          --budget SEC     stop a slow scenario after this long, once it has 5 calls (default 60)
          --report PATH    also write the results as Markdown to PATH
          --only TEXT      time only the scenarios whose name contains TEXT (several: "kim|ri ")
          --review         time the administrators' review (ReviewService.FiguresAsync) instead of the register
          --write-csv PATH write an import file of --count fictional prisoners (default 100000) and stop
          --help           show this text
        """;

    public static bool WantsHelp(string[] args) => args.Any(a => a is "--help" or "-h");

    public static BenchmarkOptions Parse(string[] args)
    {
        var options = new BenchmarkOptions(1_000_000, "/tmp/powregistry-bench.db", false, false, 30, 3, 20_000, TimeSpan.FromSeconds(60), null);
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            int Number() => int.Parse(Next().Replace("_", "", StringComparison.Ordinal), NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
            options = args[i] switch
            {
                "--count" => options with { Count = Number() },
                "--db" => options with { DatabasePath = Path.GetFullPath(Next()) },
                "--reuse" => options with { Reuse = true },
                "--seed-only" => options with { SeedOnly = true },
                "--reps" => options with { Repetitions = Number() },
                "--warmup" => options with { Warmup = Number() },
                "--batch" => options with { BatchSize = Number() },
                "--budget" => options with { Budget = TimeSpan.FromSeconds(Number()) },
                "--report" => options with { ReportPath = Path.GetFullPath(Next()) },
                "--review" => options with { Review = true },
                "--only" => options with { Only = Next() },
                "--provider" => options with { Provider = Enum.TryParse<DatabaseProvider>(Next(), ignoreCase: true, out var provider) && Enum.IsDefined(provider) ? provider : throw new ArgumentException("--provider takes Sqlite or PostgreSql.") },
                "--connection" => options with { Connection = Next() },
                _ => throw new ArgumentException($"Unknown option {args[i]}."),
            };
        }
        if ((options.Provider == DatabaseProvider.PostgreSql) != (options.Connection is not null))
        {
            throw new ArgumentException("--connection goes with --provider PostgreSql, and PostgreSQL needs it.");
        }
        if (options.Count < 1000) throw new ArgumentException("--count must be at least 1000.");
        if (options.Repetitions < 1 || options.BatchSize < 1) throw new ArgumentException("--reps and --batch must be positive.");
        return options;
    }
}
