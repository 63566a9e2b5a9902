using Microsoft.Extensions.Time.Testing;

using PowRegistry.Core.Common;
using PowRegistry.Core.Prisoners;

namespace PowRegistry.Core.Tests.Prisoners;

public sealed class PrisonerInputValidatorTests
{
    private readonly PrisonerInputValidator _validator = new(new FakeTimeProvider(TestServices.Now));

    private static PrisonerInput Valid() => new() { FamilyName = "Kim", DateOfBirth = "1999", DateOfCapture = "2025-01-10", Nationality = "KP" };

    private Message[] ErrorsFor(PrisonerInput input, string field) =>
        _validator.Validate(input).ToRefusals().Where(r => r.Field == field).Select(r => r.Message).ToArray();

    [Fact]
    public void AValidForm_HasNoErrors() => Assert.True(_validator.Validate(Valid()).IsValid);

    [Fact]
    public void FamilyName_IsRequired_WhenThereIsNoAlias()
    {
        var input = Valid();
        input.FamilyName = "  ";
        Assert.Contains(new Message("PrisonerInput.FamilyName.Required"), ErrorsFor(input, nameof(PrisonerInput.FamilyName)));
    }

    [Fact]
    public void FamilyName_MayBeEmpty_WhenAnAliasIsGiven()
    {
        var input = Valid();
        input.FamilyName = null;
        input.InitialAlias = "Ivan Petrov";
        Assert.True(_validator.Validate(input).IsValid);
    }

    [Fact]
    public void DateOfBirth_MustBeAPartialDate()
    {
        var input = Valid();
        input.DateOfBirth = "17/04/1998";
        Assert.Single(ErrorsFor(input, nameof(PrisonerInput.DateOfBirth)), e => e.Key == "PrisonerInput.DateOfBirth.Format");
    }

    [Fact]
    public void DateOfBirth_CannotBeInTheFuture()
    {
        var input = Valid();
        input.DateOfBirth = "2025-06-02"; // the clock says 2025-06-01
        input.DateOfCapture = null;
        Assert.Contains(new Message("PrisonerInput.DateOfBirth.Future"), ErrorsFor(input, nameof(PrisonerInput.DateOfBirth)));
        input.DateOfBirth = "2025-06-01";
        Assert.Empty(ErrorsFor(input, nameof(PrisonerInput.DateOfBirth)));
    }

    [Fact]
    public void DateOfCapture_CannotBeInTheFuture()
    {
        var input = Valid();
        input.DateOfCapture = "2025-06-02";
        Assert.Contains(new Message("PrisonerInput.DateOfCapture.Future"), ErrorsFor(input, nameof(PrisonerInput.DateOfCapture)));
    }

    [Fact]
    public void DateOfCapture_CannotBeBeforeBirth()
    {
        var input = Valid();
        input.DateOfBirth = "2001-05";
        input.DateOfCapture = "2001-04-30";
        Assert.Contains(new Message("PrisonerInput.DateOfCapture.BeforeBirth"), ErrorsFor(input, nameof(PrisonerInput.DateOfCapture)));
        input.DateOfCapture = "2001-05-01"; // could be the same month he was born
        Assert.Empty(ErrorsFor(input, nameof(PrisonerInput.DateOfCapture)));
    }

    [Fact]
    public void DateOfCapture_MustBeAFullDate()
    {
        var input = Valid();
        input.DateOfCapture = "2025-13-01";
        Assert.Contains(new Message("PrisonerInput.DateOfCapture.Format"), ErrorsFor(input, nameof(PrisonerInput.DateOfCapture)));
    }

    [Theory]
    [InlineData(nameof(PrisonerInput.FamilyName), 200)]
    [InlineData(nameof(PrisonerInput.ServiceNumber), 64)]
    [InlineData(nameof(PrisonerInput.Notes), 4000)]
    public void Lengths_AreBounded(string field, int max)
    {
        var input = Valid();
        var property = typeof(PrisonerInput).GetProperty(field)!;
        property.SetValue(input, new string('x', max));
        Assert.Empty(ErrorsFor(input, field));
        property.SetValue(input, new string('x', max + 1));
        Assert.Contains(new Message("Common.TooLong", max), ErrorsFor(input, field));
    }

    [Fact]
    public void Countries_MustComeFromTheIsoList()
    {
        var input = Valid();
        input.Nationality = "XX";
        input.DetainingPower = "ua"; // case does not matter
        Assert.Contains(new Message("Common.Country.FromList"), ErrorsFor(input, nameof(PrisonerInput.Nationality)));
        Assert.Empty(ErrorsFor(input, nameof(PrisonerInput.DetainingPower)));
    }

    [Fact]
    public void Enums_OutsideTheirValues_AreRefused()
    {
        var input = Valid();
        input.HealthStatus = (HealthStatus)99;
        input.FamilyNameSource = (InformationSource)(-1);
        Assert.NotEmpty(ErrorsFor(input, nameof(PrisonerInput.HealthStatus)));
        Assert.NotEmpty(ErrorsFor(input, nameof(PrisonerInput.FamilyNameSource)));
    }
}
