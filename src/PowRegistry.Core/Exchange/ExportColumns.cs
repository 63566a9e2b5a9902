using System.Globalization;

namespace PowRegistry.Core.Exchange;

public static class ExportColumns
{
    public static readonly IReadOnlyList<ExportColumn> All =
    [
        new("reference", false, true, p => p.Reference),
        new("family_name", false, true, p => p.FamilyName),
        new("given_names", false, true, p => p.GivenNames),
        new("alias", false, true, p => p.Aliases.OrderBy(a => a.Id).FirstOrDefault()?.Name),
        new("rank", false, false, p => p.Rank),
        new("service_number", false, true, p => p.ServiceNumber),
        new("date_of_birth", false, true, p => p.DateOfBirth?.ToString()),
        new("place_of_birth", false, true, p => p.PlaceOfBirth),
        new("nationality", false, false, p => p.NationalityCode),
        new("power_depended_on", false, false, p => p.PowerDependedOnCode),
        new("unit", false, false, p => p.Unit),
        new("date_of_capture", false, false, p => p.DateOfCapture?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        new("place_of_capture", false, false, p => p.PlaceOfCapture),
        new("detaining_power", false, false, p => p.DetainingPowerCode),
        new("place_of_internment", false, false, p => p.PlaceOfInternment),
        new("health_status", false, false, p => p.HealthStatus.ToString()),
        new("languages", false, false, p => p.Languages),
        new("interpreter_needed", false, false, p => p.InterpreterNeeded ? "yes" : "no"),
        new("custody_status", false, false, p => p.CustodyStatus.ToString()),
        new("current_wish", false, false, p => p.CurrentWish?.ToString()),
        new("wish_state", false, false, p => p.CurrentWishStateCode),
        new("wish_verification", false, false, p => p.CurrentWishVerification?.ToString()),
        new("father_first_name", true, true, p => p.FatherFirstName),
        new("mother_maiden_name", true, true, p => p.MotherMaidenName),
        new("person_to_be_informed", true, true, p => p.PersonToBeInformed),
        new("address_for_correspondence", true, true, p => p.AddressForCorrespondence),
        new("notes", false, true, p => p.Notes),
    ];

    /// <summary>The chosen columns in the documented order; unknown names are dropped (a hand-edited form).</summary>
    public static IReadOnlyList<ExportColumn> Pick(IEnumerable<string>? names)
    {
        var chosen = new HashSet<string>(names ?? [], StringComparer.OrdinalIgnoreCase);
        return All.Where(c => chosen.Contains(c.Name)).ToList();
    }
}
