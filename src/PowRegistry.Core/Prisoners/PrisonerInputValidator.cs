using System.Globalization;

using FluentValidation;

using PowRegistry.Core.Countries;

namespace PowRegistry.Core.Prisoners;

public static class Limits
{
    public const int Name = 200;
    public const int ShortText = 200;
    public const int LongText = 4000;
}

/// <summary>The rules of the prisoner form. Rules that need the database (unique service number) live in <see cref="RegistrationChecks"/>.</summary>
public sealed class PrisonerInputValidator : AbstractValidator<PrisonerInput>
{
    public PrisonerInputValidator(TimeProvider clock)
    {
        DateOnly Today() => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

        RuleFor(x => x.FamilyName)
            .Must((input, name) => !string.IsNullOrWhiteSpace(name) || !string.IsNullOrWhiteSpace(input.InitialAlias) || input.HasAliases)
            .WithMessage("Enter a family name, or an alias if his name is not known.");

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
            RuleFor(field).MaximumLength(max).WithMessage($"Keep this under {max} characters.");
        }

        RuleFor(x => x.DateOfBirth)
            .Must(d => string.IsNullOrWhiteSpace(d) || PartialDate.TryParse(d, out _))
            .WithMessage("Enter the date of birth as YYYY, YYYY-MM or YYYY-MM-DD (leave it empty if unknown).")
            .DependentRules(() =>
            {
                RuleFor(x => x.DateOfBirth)
                    .Must(d => !PartialDate.TryParse(d, out var born) || born.Earliest <= Today())
                    .WithMessage("The date of birth cannot be in the future.");
                RuleFor(x => x.DateOfBirth)
                    .Must(d => !PartialDate.TryParse(d, out var born) || born.Year >= 1900)
                    .WithMessage("The date of birth must be after 1900.");
            });

        RuleFor(x => x.DateOfCapture)
            .Must(d => string.IsNullOrWhiteSpace(d) || TryParseDate(d, out _))
            .WithMessage("Enter the date of capture as YYYY-MM-DD.")
            .DependentRules(() =>
            {
                RuleFor(x => x.DateOfCapture)
                    .Must(d => !TryParseDate(d, out var captured) || captured <= Today())
                    .WithMessage("The date of capture cannot be in the future.");
                RuleFor(x => x.DateOfCapture)
                    .Must((input, d) => !TryParseDate(d, out var captured)
                        || !PartialDate.TryParse(input.DateOfBirth, out var born)
                        || captured >= born.Earliest)
                    .WithMessage("The date of capture cannot be before the date of birth.");
            });

        RuleFor(x => x.Nationality).Must(BeACountryOrEmpty).WithMessage("Choose a country from the list.");
        RuleFor(x => x.PowerDependedOn).Must(BeACountryOrEmpty).WithMessage("Choose a country from the list.");
        RuleFor(x => x.DetainingPower).Must(BeACountryOrEmpty).WithMessage("Choose a country from the list.");

        RuleFor(x => x.HealthStatus).IsInEnum().WithMessage("Choose a health status from the list.");
        foreach (var source in new System.Linq.Expressions.Expression<Func<PrisonerInput, InformationSource>>[]
            { x => x.FamilyNameSource, x => x.GivenNamesSource, x => x.RankSource, x => x.ServiceNumberSource, x => x.DateOfBirthSource, x => x.InitialAliasSource })
        {
            RuleFor(source).IsInEnum().WithMessage("Choose a source from the list.");
        }
    }

    private static bool BeACountryOrEmpty(string? code) => string.IsNullOrWhiteSpace(code) || CountryList.IsKnown(code.Trim());

    /// <summary>Parses a full date typed as YYYY-MM-DD (what a date input sends).</summary>
    public static bool TryParseDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}

public sealed class AliasInputValidator : AbstractValidator<AliasInput>
{
    public AliasInputValidator()
    {
        RuleFor(x => x.Name).NotEmpty().WithMessage("Enter the alias.")
            .MaximumLength(Limits.Name).WithMessage($"Keep this under {Limits.Name} characters.");
        RuleFor(x => x.Source).IsInEnum().WithMessage("Choose a source from the list.");
        RuleFor(x => x.Confidence).IsInEnum().WithMessage("Choose a confidence from the list.");
        RuleFor(x => x.Notes).MaximumLength(Limits.LongText).WithMessage($"Keep this under {Limits.LongText} characters.");
    }
}

public sealed class IdentityDocumentInputValidator : AbstractValidator<IdentityDocumentInput>
{
    public IdentityDocumentInputValidator()
    {
        RuleFor(x => x.DocumentType).NotEmpty().WithMessage("Enter the kind of document (e.g. military ID, passport).")
            .MaximumLength(Limits.ShortText).WithMessage($"Keep this under {Limits.ShortText} characters.");
        RuleFor(x => x.Number).MaximumLength(64).WithMessage("Keep this under 64 characters.");
        RuleFor(x => x.Issuer).MaximumLength(Limits.ShortText).WithMessage($"Keep this under {Limits.ShortText} characters.");
        RuleFor(x => x.NameShown).MaximumLength(Limits.Name).WithMessage($"Keep this under {Limits.Name} characters.");
        RuleFor(x => x.Authenticity).IsInEnum().WithMessage("Choose from the list.");
        RuleFor(x => x.Notes).MaximumLength(Limits.LongText).WithMessage($"Keep this under {Limits.LongText} characters.");
    }
}

public sealed class CustodyEventInputValidator : AbstractValidator<CustodyEventInput>
{
    public CustodyEventInputValidator(TimeProvider clock)
    {
        RuleFor(x => x.Kind).NotNull().WithMessage("Choose what happened.")
            .IsInEnum().WithMessage("Choose what happened from the list.");
        RuleFor(x => x.Date)
            .Must(d => PrisonerInputValidator.TryParseDate(d, out _)).WithMessage("Enter the date as YYYY-MM-DD.")
            .DependentRules(() => RuleFor(x => x.Date)
                .Must(d => PrisonerInputValidator.TryParseDate(d, out var date) && date <= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime))
                .WithMessage("The date cannot be in the future."));
        RuleFor(x => x.Place).MaximumLength(Limits.ShortText).WithMessage($"Keep this under {Limits.ShortText} characters.");
        RuleFor(x => x.Details).MaximumLength(Limits.LongText).WithMessage($"Keep this under {Limits.LongText} characters.");
    }
}
