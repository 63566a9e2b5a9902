namespace PowRegistry.Core.Prisoners;

/// <summary>
/// The record's own values as the entity takes them: dates as dates and each Art. 17 item with how it was obtained.
/// Read from a validated <see cref="PrisonerInput"/> by the service (<see cref="From"/>); the entity cleans the text.
/// </summary>
public sealed record PrisonerDetails
{
    public string? FamilyName { get; init; }
    public Art17Item FamilyNameInfo { get; init; } = Art17Item.NotRecorded;
    public string? GivenNames { get; init; }
    public Art17Item GivenNamesInfo { get; init; } = Art17Item.NotRecorded;
    public string? Rank { get; init; }
    public Art17Item RankInfo { get; init; } = Art17Item.NotRecorded;
    public string? ServiceNumber { get; init; }
    public Art17Item ServiceNumberInfo { get; init; } = Art17Item.NotRecorded;
    public PartialDate? DateOfBirth { get; init; }
    public Art17Item DateOfBirthInfo { get; init; } = Art17Item.NotRecorded;
    public string? PlaceOfBirth { get; init; }
    public string? Nationality { get; init; }
    public string? PowerDependedOn { get; init; }
    public string? Unit { get; init; }
    public DateOnly? DateOfCapture { get; init; }
    public string? PlaceOfCapture { get; init; }
    public string? DetainingPower { get; init; }
    public string? PlaceOfInternment { get; init; }
    public HealthStatus HealthStatus { get; init; }
    public string? Languages { get; init; }
    public bool InterpreterNeeded { get; init; }
    public string? FatherFirstName { get; init; }
    public string? MotherMaidenName { get; init; }
    public string? PersonToBeInformed { get; init; }
    public string? AddressForCorrespondence { get; init; }
    public string? Notes { get; init; }

    /// <summary>The form's values, its dates parsed (the validator has made sure they parse; a blank one is no date).</summary>
    public static PrisonerDetails From(PrisonerInput input) => new()
    {
        FamilyName = input.FamilyName,
        FamilyNameInfo = new Art17Item(input.FamilyNameDeclined, input.FamilyNameSource),
        GivenNames = input.GivenNames,
        GivenNamesInfo = new Art17Item(input.GivenNamesDeclined, input.GivenNamesSource),
        Rank = input.Rank,
        RankInfo = new Art17Item(input.RankDeclined, input.RankSource),
        ServiceNumber = input.ServiceNumber,
        ServiceNumberInfo = new Art17Item(input.ServiceNumberDeclined, input.ServiceNumberSource),
        DateOfBirth = PartialDate.TryParse(input.DateOfBirth, out var born) ? born : null,
        DateOfBirthInfo = new Art17Item(input.DateOfBirthDeclined, input.DateOfBirthSource),
        PlaceOfBirth = input.PlaceOfBirth,
        Nationality = input.Nationality,
        PowerDependedOn = input.PowerDependedOn,
        Unit = input.Unit,
        DateOfCapture = PrisonerInputValidator.TryParseDate(input.DateOfCapture, out var captured) ? captured : null,
        PlaceOfCapture = input.PlaceOfCapture,
        DetainingPower = input.DetainingPower,
        PlaceOfInternment = input.PlaceOfInternment,
        HealthStatus = input.HealthStatus,
        Languages = input.Languages,
        InterpreterNeeded = input.InterpreterNeeded,
        FatherFirstName = input.FatherFirstName,
        MotherMaidenName = input.MotherMaidenName,
        PersonToBeInformed = input.PersonToBeInformed,
        AddressForCorrespondence = input.AddressForCorrespondence,
        Notes = input.Notes,
    };
}
