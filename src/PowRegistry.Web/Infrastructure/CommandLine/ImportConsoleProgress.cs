using System.Globalization;

using PowRegistry.Core.Exchange;

namespace PowRegistry.Web.Infrastructure;

/// <summary>The import's progress on the console: counts only, never row content (the console may be logged).</summary>
internal sealed class ImportConsoleProgress : IProgress<ImportProgress>
{
    private const int Step = 10_000;
    private readonly Dictionary<ImportStage, int> _printed = [];

    public void Report(ImportProgress value)
    {
        var last = _printed.GetValueOrDefault(value.Stage, 0);
        if (value.Done == last || (value.Done - last < Step && value.Done != value.Total)) return;
        _printed[value.Stage] = value.Done;
        var stage = value.Stage switch
        {
            ImportStage.Checked => "checked",
            ImportStage.Searched => "searched for duplicates",
            _ => "saved",
        };
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{stage} {value.Done}/{value.Total}"));
    }
}
