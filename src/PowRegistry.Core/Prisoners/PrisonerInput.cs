using System.ComponentModel.DataAnnotations;

namespace PowRegistry.Core.Prisoners;

/// <summary>The prisoner form as typed: strings where a person may type anything, so bad input becomes a message, not an exception.</summary>
public sealed class PrisonerInput
{
    [Display(Name = "PrisonerInput.FamilyName")] public string? FamilyName { get; set; }
    [Display(Name = "PrisonerInput.FamilyNameDeclined")] public bool FamilyNameDeclined { get; set; }
    [Display(Name = "PrisonerInput.FamilyNameSource")] public InformationSource FamilyNameSource { get; set; }

    [Display(Name = "PrisonerInput.GivenNames")] public string? GivenNames { get; set; }
    [Display(Name = "PrisonerInput.GivenNamesDeclined")] public bool GivenNamesDeclined { get; set; }
    [Display(Name = "PrisonerInput.GivenNamesSource")] public InformationSource GivenNamesSource { get; set; }

    [Display(Name = "PrisonerInput.Rank")] public string? Rank { get; set; }
    [Display(Name = "PrisonerInput.RankDeclined")] public bool RankDeclined { get; set; }
    [Display(Name = "PrisonerInput.RankSource")] public InformationSource RankSource { get; set; }

    [Display(Name = "PrisonerInput.ServiceNumber")] public string? ServiceNumber { get; set; }
    [Display(Name = "PrisonerInput.ServiceNumberDeclined")] public bool ServiceNumberDeclined { get; set; }
    [Display(Name = "PrisonerInput.ServiceNumberSource")] public InformationSource ServiceNumberSource { get; set; }

    [Display(Name = "PrisonerInput.DateOfBirth")] public string? DateOfBirth { get; set; }
    [Display(Name = "PrisonerInput.DateOfBirthDeclined")] public bool DateOfBirthDeclined { get; set; }
    [Display(Name = "PrisonerInput.DateOfBirthSource")] public InformationSource DateOfBirthSource { get; set; }

    [Display(Name = "PrisonerInput.PlaceOfBirth")] public string? PlaceOfBirth { get; set; }
    [Display(Name = "PrisonerInput.Nationality")] public string? Nationality { get; set; }
    [Display(Name = "PrisonerInput.PowerDependedOn")] public string? PowerDependedOn { get; set; }
    [Display(Name = "PrisonerInput.Unit")] public string? Unit { get; set; }
    [Display(Name = "PrisonerInput.DateOfCapture")] public string? DateOfCapture { get; set; }
    [Display(Name = "PrisonerInput.PlaceOfCapture")] public string? PlaceOfCapture { get; set; }
    [Display(Name = "PrisonerInput.DetainingPower")] public string? DetainingPower { get; set; }
    [Display(Name = "PrisonerInput.PlaceOfInternment")] public string? PlaceOfInternment { get; set; }
    [Display(Name = "PrisonerInput.HealthStatus")] public HealthStatus HealthStatus { get; set; }
    [Display(Name = "PrisonerInput.Languages")] public string? Languages { get; set; }
    [Display(Name = "PrisonerInput.InterpreterNeeded")] public bool InterpreterNeeded { get; set; }
    [Display(Name = "PrisonerInput.FatherFirstName")] public string? FatherFirstName { get; set; }
    [Display(Name = "PrisonerInput.MotherMaidenName")] public string? MotherMaidenName { get; set; }
    [Display(Name = "PrisonerInput.PersonToBeInformed")] public string? PersonToBeInformed { get; set; }
    [Display(Name = "PrisonerInput.AddressForCorrespondence")] public string? AddressForCorrespondence { get; set; }
    [Display(Name = "PrisonerInput.Notes")] public string? Notes { get; set; }

    /// <summary>The owning desk: chosen on registration; only administrators change it afterwards.</summary>
    [Display(Name = "PrisonerInput.DeskId")] public int? DeskId { get; set; }

    /// <summary>On registration only: a first alias, for a man whose real name is not known.</summary>
    [Display(Name = "PrisonerInput.InitialAlias")] public string? InitialAlias { get; set; }
    [Display(Name = "PrisonerInput.InitialAliasSource")] public InformationSource InitialAliasSource { get; set; }

    /// <summary>Set by the service on edit (never bound from a form): the record already has an alias, so a family name may be empty.</summary>
    internal bool HasAliases { get; set; }

    /// <summary>The officer has looked at the possible duplicates shown and says this is a different man.</summary>
    [Display(Name = "PrisonerInput.DuplicatesChecked")] public bool DuplicatesChecked { get; set; }

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
