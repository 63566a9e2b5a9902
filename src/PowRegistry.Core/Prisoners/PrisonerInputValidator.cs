using System.Globalization;

using FluentValidation;

using PowRegistry.Core.Common;
using PowRegistry.Core.Countries;

namespace PowRegistry.Core.Prisoners;

/// <summary>The rules of the prisoner form. Rules that need the database (unique service number) live in <see cref="RegistrationChecks"/>.</summary>
public sealed class PrisonerInputValidator : AbstractValidator<PrisonerInput>
{
    public PrisonerInputValidator(TimeProvider clock)
    {
        DateOnly Today() => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

        RuleFor(x => x.FamilyName)
            .Must((input, name) => !string.IsNullOrWhiteSpace(name) || !string.IsNullOrWhiteSpace(input.InitialAlias) || input.HasAliases)
            .Refuse("PrisonerInput.FamilyName.Required");

        foreach (var (field, max) in new (System.Linq.Expressions.Expression<Func<PrisonerInput, string?>>, int)[]
        {
            (x => x.FamilyName, Limits.Name), (x => x.GivenNames, Limits.Name), (x => x.Rank, Limits.ShortText),
            (x => x.ServiceNumber, 64), (x => x.PlaceOfBirth, Limits.ShortText), (x => x.Unit, Limits.ShortText),
            (x => x.PlaceOfCapture, Limits.ShortText), (x => x.PlaceOfInternment, Limits.ShortText),
            (x => x.Languages, Limits.ShortText), (x => x.FatherFirstName, Limits.Name), (x => x.MotherMaidenName, Limits.Name),
            (x => x.PersonToBeInformed, Limits.LongText), (x => x.AddressForCorrespondence, Limits.LongText),
            (x => x.Notes, Limits.LongText), (x => x.InitialAlias, Limits.Name),
        })
        {
            RuleFor(field).MaximumLength(max).Refuse("Common.TooLong", max);
        }

        RuleFor(x => x.DateOfBirth)
            .Must(d => string.IsNullOrWhiteSpace(d) || PartialDate.TryParse(d, out _))
            .Refuse("PrisonerInput.DateOfBirth.Format")
            .DependentRules(() =>
            {
                RuleFor(x => x.DateOfBirth)
                    .Must(d => !PartialDate.TryParse(d, out var born) || born.Earliest <= Today())
                    .Refuse("PrisonerInput.DateOfBirth.Future");
                RuleFor(x => x.DateOfBirth)
                    .Must(d => !PartialDate.TryParse(d, out var born) || born.Year >= 1900)
                    .Refuse("PrisonerInput.DateOfBirth.Before1900");
            });

        RuleFor(x => x.DateOfCapture)
            .Must(d => string.IsNullOrWhiteSpace(d) || TryParseDate(d, out _))
            .Refuse("PrisonerInput.DateOfCapture.Format")
            .DependentRules(() =>
            {
                RuleFor(x => x.DateOfCapture)
                    .Must(d => !TryParseDate(d, out var captured) || captured <= Today())
                    .Refuse("PrisonerInput.DateOfCapture.Future");
                RuleFor(x => x.DateOfCapture)
                    .Must((input, d) => !TryParseDate(d, out var captured)
                        || !PartialDate.TryParse(input.DateOfBirth, out var born)
                        || captured >= born.Earliest)
                    .Refuse("PrisonerInput.DateOfCapture.BeforeBirth");
            });

        RuleFor(x => x.Nationality).Must(BeACountryOrEmpty).Refuse("Common.Country.FromList");
        RuleFor(x => x.PowerDependedOn).Must(BeACountryOrEmpty).Refuse("Common.Country.FromList");
        RuleFor(x => x.DetainingPower).Must(BeACountryOrEmpty).Refuse("Common.Country.FromList");

        RuleFor(x => x.HealthStatus).IsDefinedValue().Refuse("PrisonerInput.HealthStatus.FromList");
        foreach (var source in new System.Linq.Expressions.Expression<Func<PrisonerInput, InformationSource>>[]
            { x => x.FamilyNameSource, x => x.GivenNamesSource, x => x.RankSource, x => x.ServiceNumberSource, x => x.DateOfBirthSource, x => x.InitialAliasSource })
        {
            RuleFor(source).IsDefinedValue().Refuse("Common.Source.FromList");
        }
    }

    private static bool BeACountryOrEmpty(string? code) => string.IsNullOrWhiteSpace(code) || CountryList.IsKnown(code.Trim());

    /// <summary>Parses a full date typed as YYYY-MM-DD (what a date input sends).</summary>
    public static bool TryParseDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
