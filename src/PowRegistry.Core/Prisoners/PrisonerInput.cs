using System.ComponentModel.DataAnnotations;

namespace PowRegistry.Core.Prisoners;

/// <summary>The prisoner form as typed: strings where a person may type anything, so bad input becomes a message, not an exception.</summary>
public sealed class PrisonerInput
{
    [Display(Name = "Family name")] public string? FamilyName { get; set; }
    [Display(Name = "Declined to give")] public bool FamilyNameDeclined { get; set; }
    [Display(Name = "Source")] public InformationSource FamilyNameSource { get; set; }

    [Display(Name = "Given names")] public string? GivenNames { get; set; }
    [Display(Name = "Declined to give")] public bool GivenNamesDeclined { get; set; }
    [Display(Name = "Source")] public InformationSource GivenNamesSource { get; set; }

    [Display(Name = "Rank")] public string? Rank { get; set; }
    [Display(Name = "Declined to give")] public bool RankDeclined { get; set; }
    [Display(Name = "Source")] public InformationSource RankSource { get; set; }

    [Display(Name = "Service number")] public string? ServiceNumber { get; set; }
    [Display(Name = "Declined to give")] public bool ServiceNumberDeclined { get; set; }
    [Display(Name = "Source")] public InformationSource ServiceNumberSource { get; set; }

    [Display(Name = "Date of birth")] public string? DateOfBirth { get; set; }
    [Display(Name = "Declined to give")] public bool DateOfBirthDeclined { get; set; }
    [Display(Name = "Source")] public InformationSource DateOfBirthSource { get; set; }

    [Display(Name = "Place of birth")] public string? PlaceOfBirth { get; set; }
    [Display(Name = "Nationality")] public string? Nationality { get; set; }
    [Display(Name = "Power on which he depends")] public string? PowerDependedOn { get; set; }
    [Display(Name = "Unit")] public string? Unit { get; set; }
    [Display(Name = "Date of capture")] public string? DateOfCapture { get; set; }
    [Display(Name = "Place of capture")] public string? PlaceOfCapture { get; set; }
    [Display(Name = "Detaining power")] public string? DetainingPower { get; set; }
    [Display(Name = "Place of internment")] public string? PlaceOfInternment { get; set; }
    [Display(Name = "Health status")] public HealthStatus HealthStatus { get; set; }
    [Display(Name = "Languages")] public string? Languages { get; set; }
    [Display(Name = "Interpreter needed")] public bool InterpreterNeeded { get; set; }
    [Display(Name = "Father's first name")] public string? FatherFirstName { get; set; }
    [Display(Name = "Mother's maiden name")] public string? MotherMaidenName { get; set; }
    [Display(Name = "Person to be informed")] public string? PersonToBeInformed { get; set; }
    [Display(Name = "Address for correspondence")] public string? AddressForCorrespondence { get; set; }
    [Display(Name = "Notes")] public string? Notes { get; set; }

    /// <summary>The owning desk: chosen on registration; only administrators change it afterwards.</summary>
    [Display(Name = "Desk")] public int? DeskId { get; set; }

    /// <summary>On registration only: a first alias, for a man whose real name is not known.</summary>
    [Display(Name = "Alias")] public string? InitialAlias { get; set; }
    [Display(Name = "Alias source")] public InformationSource InitialAliasSource { get; set; }

    /// <summary>Set by the service on edit (never bound from a form): the record already has an alias, so a family name may be empty.</summary>
    internal bool HasAliases { get; set; }

    /// <summary>The officer has looked at the possible duplicates shown and says this is a different man.</summary>
    [Display(Name = "I have checked these records: this is a different man")] public bool DuplicatesChecked { get; set; }

    /// <summary>The record version the form was loaded from (optimistic concurrency).</summary>
    public int Version { get; set; }

    public static PrisonerInput From(Prisoner p) => new()
    {
        FamilyName = p.FamilyName,
        FamilyNameDeclined = p.FamilyNameInfo.Declined,
        FamilyNameSource = p.FamilyNameInfo.Source,
        GivenNames = p.GivenNames,
        GivenNamesDeclined = p.GivenNamesInfo.Declined,
        GivenNamesSource = p.GivenNamesInfo.Source,
        Rank = p.Rank,
        RankDeclined = p.RankInfo.Declined,
        RankSource = p.RankInfo.Source,
        ServiceNumber = p.ServiceNumber,
        ServiceNumberDeclined = p.ServiceNumberInfo.Declined,
        ServiceNumberSource = p.ServiceNumberInfo.Source,
        DateOfBirth = p.DateOfBirth?.ToString(),
        DateOfBirthDeclined = p.DateOfBirthInfo.Declined,
        DateOfBirthSource = p.DateOfBirthInfo.Source,
        PlaceOfBirth = p.PlaceOfBirth,
        Nationality = p.NationalityCode,
        PowerDependedOn = p.PowerDependedOnCode,
        Unit = p.Unit,
        DateOfCapture = p.DateOfCapture?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        PlaceOfCapture = p.PlaceOfCapture,
        DetainingPower = p.DetainingPowerCode,
        PlaceOfInternment = p.PlaceOfInternment,
        HealthStatus = p.HealthStatus,
        Languages = p.Languages,
        InterpreterNeeded = p.InterpreterNeeded,
        FatherFirstName = p.FatherFirstName,
        MotherMaidenName = p.MotherMaidenName,
        PersonToBeInformed = p.PersonToBeInformed,
        AddressForCorrespondence = p.AddressForCorrespondence,
        Notes = p.Notes,
        DeskId = p.DeskId,
        Version = p.Version,
    };
}

public sealed class AliasInput
{
    [Display(Name = "Alias")] public string? Name { get; set; }
    [Display(Name = "Source")] public InformationSource Source { get; set; }
    [Display(Name = "Confidence")] public Confidence Confidence { get; set; }
    [Display(Name = "Notes")] public string? Notes { get; set; }
}

public sealed class IdentityDocumentInput
{
    [Display(Name = "Document type")] public string? DocumentType { get; set; }
    [Display(Name = "Number")] public string? Number { get; set; }
    [Display(Name = "Issuer")] public string? Issuer { get; set; }
    [Display(Name = "Name shown on it")] public string? NameShown { get; set; }
    [Display(Name = "Authenticity")] public DocumentAuthenticity Authenticity { get; set; }
    [Display(Name = "Notes")] public string? Notes { get; set; }
}

public sealed class CustodyEventInput
{
    [Display(Name = "Event")] public CustodyEventKind? Kind { get; set; }
    [Display(Name = "Date")] public string? Date { get; set; }
    [Display(Name = "Place")] public string? Place { get; set; }
    [Display(Name = "Details")] public string? Details { get; set; }
}
