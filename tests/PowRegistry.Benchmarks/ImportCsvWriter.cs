using System.Globalization;
using System.Text;

using PowRegistry.Core.Exchange;

namespace PowRegistry.Benchmarks;

/// <summary>
/// Writes an import file (the columns of <see cref="ImportColumns"/>, every one filled) of fictional prisoners for the
/// import benchmark (import-benchmark.sh). What a realistic file from a camp's intake looks like: every man with a
/// service number (unique in the file) and a full date of birth, names in all the scripts and spellings of
/// <see cref="FictionalNames"/>, a third with an alias. Men of the same common name occur, as in life; with a full date
/// of birth few share a day, and those the preview lists as possible duplicates (a warning, not a refusal). Every row is valid.
/// </summary>
internal static class ImportCsvWriter
{
    private static readonly string[] Ranks = ["Private", "Private", "Private", "Junior sergeant", "Sergeant", "Senior sergeant", "Lieutenant", "Captain"];
    private static readonly string[] Places = ["Kursk region", "Sumy region", "Kharkiv region", "Belgorod region", "Bryansk region"];
    private static readonly string[] Camps = ["Fictional camp A", "Fictional camp B", "Fictional camp C", "Fictional camp D"];
    private static readonly string[] Health = ["Good", "Good", "Good", "Sick", "Wounded", "Seriously sick or wounded"];

    /// <summary>
    /// <c>--write-csv PATH [--count N]</c> (N default 100,000): writes the file, prints its size and returns 0; null when
    /// the arguments ask for something else (the register benchmark). Kept out of BenchmarkOptions, which others extend.
    /// </summary>
    public static int? TryRun(string[] args)
    {
        var at = Array.IndexOf(args, "--write-csv");
        if (at < 0) return null;
        if (at + 1 >= args.Length)
        {
            Console.Error.WriteLine("--write-csv needs a path.");
            return 2;
        }
        var countAt = Array.IndexOf(args, "--count");
        var count = countAt >= 0 && countAt + 1 < args.Length ? int.Parse(args[countAt + 1].Replace("_", "", StringComparison.Ordinal), CultureInfo.InvariantCulture) : 100_000;
        var path = Path.GetFullPath(args[at + 1]);
        var bytes = Write(path, count);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {count} rows ({bytes} bytes) to {path}"));
        return 0;
    }

    public static long Write(string path, int count)
    {
        var random = new Random(20261205);
        var first = new DateOnly(2024, 6, 1);
        using var writer = new StreamWriter(path, false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        writer.Write(Csv.Line(ImportColumns.All.Select(c => c.Name)));
        for (var i = 1; i <= count; i++)
        {
            var name = FictionalNames.Next(random);
            var russian = name.Russian;
            var born = new DateOnly(1988 + random.Next(18), 1 + random.Next(12), 1 + random.Next(28));
            var captured = first.AddDays(random.Next(730));
            var values = ImportColumns.All.Select(c => c.Name switch
            {
                "family_name" => name.Family,
                "given_names" => name.Given,
                "alias" => name.Alias ?? "",
                "rank" => Ranks[random.Next(Ranks.Length)],
                // i * 7919 mod 10^7 is a bijection (7919 is prime to 10): unique in the file, scattered like real numbers.
                "service_number" => "I" + ((i * 7919L) % 10_000_000).ToString("D7", CultureInfo.InvariantCulture),
                "date_of_birth" => born.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                "place_of_birth" => russian ? "Fictional town, Russia" : "Fictional county, North Hamgyong",
                "nationality" => russian ? "RU" : "KP",
                "power_depended_on" => "RU",
                "unit" => $"Fictional unit {100 + random.Next(40)}",
                "date_of_capture" => captured.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                "place_of_capture" => Places[random.Next(Places.Length)],
                "detaining_power" => "UA",
                "place_of_internment" => Camps[random.Next(Camps.Length)],
                "health_status" => Health[random.Next(Health.Length)],
                "languages" => russian ? "Russian" : "Korean",
                "interpreter_needed" => russian ? "no" : "yes",
                "father_first_name" => "Fictional father",
                "mother_maiden_name" => "Fictional mother",
                "person_to_be_informed" => "Fictional relative",
                "address_for_correspondence" => "Fictional street 1, fictional town",
                "notes" => "Fictional record for the import benchmark.",
                _ => "",
            });
            writer.Write(Csv.Line(values));
        }
        writer.Flush();
        return writer.BaseStream.Length;
    }
}
