using PowRegistry.Core.Accounts;

namespace PowRegistry.Core.Tests.Accounts;

public sealed class CommonPasswordValidatorTests
{
    [Theory]
    [InlineData("password1234")]
    [InlineData("Password1234")]
    [InlineData("qwertyuiopas")]
    [InlineData("123456789012")]
    [InlineData(" iloveyou1234 ")]
    public async Task APasswordFromTheLeakedList_IsRefused_WithAClearMessage(string password)
    {
        var result = await new CommonPasswordValidator().ValidateAsync(null!, new AppUser(), password);
        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors);
        Assert.Equal(CommonPasswordValidator.ErrorCode, error.Code);
        Assert.Equal("Identity.PasswordTooCommon", error.Description); // its words are under this key
    }

    [Theory]
    [InlineData("correct horse battery staple")]
    [InlineData("river lantern quietly 1953")]
    public async Task AnUncommonPassphrase_IsAccepted(string password)
    {
        var result = await new CommonPasswordValidator().ValidateAsync(null!, new AppUser(), password);
        Assert.True(result.Succeeded);
    }

    [Fact]
    public void TheShippedList_IsLoaded_AndHoldsTensOfThousandsOfPasswords() =>
        Assert.InRange(CommonPasswordValidator.Count, 40_000, 100_000);
}
