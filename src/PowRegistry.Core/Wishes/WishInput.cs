using System.ComponentModel.DataAnnotations;

using FluentValidation;

using PowRegistry.Core.Countries;
using PowRegistry.Core.Prisoners;

namespace PowRegistry.Core.Wishes;

public sealed class WishInput
{
    [Display(Name = "WishInput.TakenOn")] public string? TakenOn { get; set; }
    [Display(Name = "WishInput.Place")] public string? Place { get; set; }
    [Display(Name = "WishInput.Interviewer")] public string? Interviewer { get; set; }
    [Display(Name = "WishInput.Organisation")] public InterviewerOrganisation? Organisation { get; set; }
    [Display(Name = "WishInput.Language")] public string? Language { get; set; }
    [Display(Name = "WishInput.Interpreter")] public string? Interpreter { get; set; }
    [Display(Name = "WishInput.PrivateInterview")] public bool PrivateInterview { get; set; }
    [Display(Name = "WishInput.Destination")] public WishDestination? Destination { get; set; }
    [Display(Name = "WishInput.DestinationState")] public string? DestinationState { get; set; }
    [Display(Name = "WishInput.Certainty")] public int? Certainty { get; set; }
    [Display(Name = "WishInput.Reasons")] public string? Reasons { get; set; }
    [Display(Name = "WishInput.FearsPersecution")] public bool FearsPersecution { get; set; }
    [Display(Name = "WishInput.Fears")] public string? Fears { get; set; }
    [Display(Name = "WishInput.SignsOfPressure")] public string? SignsOfPressure { get; set; }
    [Display(Name = "WishInput.VerbatimWords")] public string? VerbatimWords { get; set; }
    [Display(Name = "WishInput.Translation")] public string? Translation { get; set; }
    [Display(Name = "WishInput.Verification")] public WishVerification Verification { get; set; }
}

public sealed class WishInputValidator : AbstractValidator<WishInput>
{
    public WishInputValidator(TimeProvider clock)
    {
        RuleFor(x => x.TakenOn)
            .Must(d => PrisonerInputValidator.TryParseDate(d, out _)).WithMessage("Enter the date of the interview as YYYY-MM-DD.")
            .DependentRules(() => RuleFor(x => x.TakenOn)
                .Must(d => PrisonerInputValidator.TryParseDate(d, out var date) && date <= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime))
                .WithMessage("The interview date cannot be in the future."));
        RuleFor(x => x.Interviewer).NotEmpty().WithMessage("Enter who took the statement.")
            .MaximumLength(Limits.Name).WithMessage($"Keep this under {Limits.Name} characters.");
        RuleFor(x => x.Organisation).NotNull().WithMessage("Choose the interviewer's organisation.")
            .IsInEnum().WithMessage("Choose the interviewer's organisation from the list.");
        RuleFor(x => x.Destination).NotNull().WithMessage("Choose what he said he wants.")
            .IsInEnum().WithMessage("Choose what he said he wants from the list.");
        RuleFor(x => x.DestinationState)
            .Must(code => !string.IsNullOrWhiteSpace(code) && CountryList.IsKnown(code.Trim()))
            .When(x => x.Destination == WishDestination.TransferToThirdState)
            .WithMessage("Name the state he wants to go to.");
        RuleFor(x => x.Certainty).InclusiveBetween(0, 100).WithMessage("Certainty is a percentage from 0 to 100.");
        RuleFor(x => x.Verification).IsInEnum().WithMessage("Choose the verification from the list.");
        foreach (var field in new System.Linq.Expressions.Expression<Func<WishInput, string?>>[] { x => x.Place, x => x.Language, x => x.Interpreter })
        {
            RuleFor(field).MaximumLength(Limits.ShortText).WithMessage($"Keep this under {Limits.ShortText} characters.");
        }
        foreach (var field in new System.Linq.Expressions.Expression<Func<WishInput, string?>>[] { x => x.Reasons, x => x.Fears, x => x.SignsOfPressure, x => x.VerbatimWords, x => x.Translation })
        {
            RuleFor(field).MaximumLength(Limits.LongText).WithMessage($"Keep this under {Limits.LongText} characters.");
        }
    }
}
