using PowRegistry.Core.Common;
using PowRegistry.Core.Prisoners;

namespace PowRegistry.Core.Exchange;

/// <summary>
/// The documented column set of the prisoner import (docs/operations.md, and the template at /Prisoners/Import/Template).
/// Every cell goes into <see cref="PrisonerInput"/> as text, and the same validator as the form checks it.
/// </summary>
public static class ImportColumns
{
    public static readonly IReadOnlyList<ImportColumn> All =
    [
        new("family_name", true, (p, v) => Set(() => p.FamilyName = v)),
        new("given_names", true, (p, v) => Set(() => p.GivenNames = v)),
        new("alias", false, (p, v) => Set(() => p.InitialAlias = v)),
        new("rank", false, (p, v) => Set(() => p.Rank = v)),
        new("service_number", false, (p, v) => Set(() => p.ServiceNumber = v)),
        new("date_of_birth", true, (p, v) => Set(() => p.DateOfBirth = v)),
        new("place_of_birth", false, (p, v) => Set(() => p.PlaceOfBirth = v)),
        new("nationality", true, (p, v) => Set(() => p.Nationality = v)),
        new("power_depended_on", false, (p, v) => Set(() => p.PowerDependedOn = v)),
        new("unit", false, (p, v) => Set(() => p.Unit = v)),
        new("date_of_capture", false, (p, v) => Set(() => p.DateOfCapture = v)),
        new("place_of_capture", false, (p, v) => Set(() => p.PlaceOfCapture = v)),
        new("detaining_power", false, (p, v) => Set(() => p.DetainingPower = v)),
        new("place_of_internment", false, (p, v) => Set(() => p.PlaceOfInternment = v)),
        new("health_status", false, HealthStatusOf),
        new("languages", false, (p, v) => Set(() => p.Languages = v)),
        new("interpreter_needed", false, InterpreterOf),
        new("father_first_name", false, (p, v) => Set(() => p.FatherFirstName = v)),
        new("mother_maiden_name", false, (p, v) => Set(() => p.MotherMaidenName = v)),
        new("person_to_be_informed", false, (p, v) => Set(() => p.PersonToBeInformed = v)),
        new("address_for_correspondence", false, (p, v) => Set(() => p.AddressForCorrespondence = v)),
        new("notes", false, (p, v) => Set(() => p.Notes = v)),
    ];

    public static ImportColumn? Find(string header) =>
        All.FirstOrDefault(c => string.Equals(c.Name, header.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The template: the header row and one fictional example row.</summary>
    public static string Template() =>
        Csv.Line(All.Select(c => c.Name)) +
        Csv.Line(All.Select(c => c.Name switch
        {
            "family_name" => "Example",
            "given_names" => "Fictional Person",
            "date_of_birth" => "2001-03",
            "nationality" => "KP",
            "detaining_power" => "UA",
            "date_of_capture" => "2025-01-09",
            "health_status" => "Good",
            "interpreter_needed" => "yes",
            _ => "",
        }));

    private static Message? Set(Action set)
    {
        set();
        return null;
    }

    private static Message? HealthStatusOf(PrisonerInput p, string value)
    {
        if (value.Length == 0) return null;
        var folded = value.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        foreach (var status in Enum.GetValues<HealthStatus>())
        {
            if (string.Equals(status.ToString(), folded, StringComparison.OrdinalIgnoreCase))
            {
                p.HealthStatus = status;
                return null;
            }
        }
        return new Message("Import.HealthStatus.Unknown");
    }

    private static Message? InterpreterOf(PrisonerInput p, string value)
    {
        switch (value.ToUpperInvariant())
        {
            case "" or "NO" or "N" or "FALSE" or "0": p.InterpreterNeeded = false; return null;
            case "YES" or "Y" or "TRUE" or "1": p.InterpreterNeeded = true; return null;
            default: return new Message("Import.Interpreter.Unknown");
        }
    }
}
