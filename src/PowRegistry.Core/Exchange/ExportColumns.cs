using System.Globalization;

namespace PowRegistry.Core.Exchange;

public static class ExportColumns
{
    public static readonly IReadOnlyList<ExportColumn> All =
    [
        new("reference", "Reference", false, true, p => p.Reference),
        new("family_name", "Family name", false, true, p => p.FamilyName),
        new("given_names", "Given names", false, true, p => p.GivenNames),
        new("alias", "Alias", false, true, p => p.Aliases.OrderBy(a => a.Id).FirstOrDefault()?.Name),
        new("rank", "Rank", false, false, p => p.Rank),
        new("service_number", "Service number", false, true, p => p.ServiceNumber),
        new("date_of_birth", "Date of birth", false, true, p => p.DateOfBirth?.ToString()),
        new("place_of_birth", "Place of birth", false, true, p => p.PlaceOfBirth),
        new("nationality", "Nationality", false, false, p => p.NationalityCode),
        new("power_depended_on", "Power depended on", false, false, p => p.PowerDependedOnCode),
        new("unit", "Unit", false, false, p => p.Unit),
        new("date_of_capture", "Date of capture", false, false, p => p.DateOfCapture?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        new("place_of_capture", "Place of capture", false, false, p => p.PlaceOfCapture),
        new("detaining_power", "Detaining power", false, false, p => p.DetainingPowerCode),
        new("place_of_internment", "Place of internment", false, false, p => p.PlaceOfInternment),
        new("health_status", "Health status", false, false, p => p.HealthStatus.ToString()),
        new("languages", "Languages", false, false, p => p.Languages),
        new("interpreter_needed", "Interpreter needed", false, false, p => p.InterpreterNeeded ? "yes" : "no"),
        new("custody_status", "Custody status", false, false, p => p.CustodyStatus.ToString()),
        new("current_wish", "Current wish", false, false, p => p.CurrentWish?.ToString()),
        new("wish_state", "Wished destination", false, false, p => p.CurrentWishStateCode),
        new("wish_verification", "Wish verification", false, false, p => p.CurrentWishVerification?.ToString()),
        new("father_first_name", "Father's first name", true, true, p => p.FatherFirstName),
        new("mother_maiden_name", "Mother's maiden name", true, true, p => p.MotherMaidenName),
        new("person_to_be_informed", "Person to be informed", true, true, p => p.PersonToBeInformed),
        new("address_for_correspondence", "Address for correspondence", true, true, p => p.AddressForCorrespondence),
        new("notes", "Notes", false, true, p => p.Notes),
    ];

    /// <summary>The chosen columns in the documented order; unknown names are dropped (a hand-edited form).</summary>
    public static IReadOnlyList<ExportColumn> Pick(IEnumerable<string>? names)
    {
        var chosen = new HashSet<string>(names ?? [], StringComparer.OrdinalIgnoreCase);
        return All.Where(c => chosen.Contains(c.Name)).ToList();
    }
}
