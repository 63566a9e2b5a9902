using System.Text;

using PowRegistry.Core.Accounts;

namespace PowRegistry.Core.Tests.Accounts;

public sealed class SingleUseAuthenticatorTokenProviderTests
{
    private static readonly byte[] Rfc6238Secret = Encoding.ASCII.GetBytes("12345678901234567890");

    /// <summary>RFC 6238 appendix B, SHA-1 column; an authenticator app shows the last six of the eight digits.</summary>
    [Theory]
    [InlineData(59L, "287082")]
    [InlineData(1111111109L, "081804")]
    [InlineData(1111111111L, "050471")]
    [InlineData(1234567890L, "005924")]
    [InlineData(2000000000L, "279037")]
    [InlineData(20000000000L, "353130")]
    public void Code_MatchesTheRfc6238TestVectors(long unixSeconds, string expected) =>
        Assert.Equal(expected, SingleUseAuthenticatorTokenProvider.Code(Rfc6238Secret, unixSeconds / 30));

    [Fact]
    public void Base32_DecodesTheRfc4648Example()
    {
        Assert.True(SingleUseAuthenticatorTokenProvider.TryFromBase32("MZXW6YTBOI", out var bytes));
        Assert.Equal("foobar", Encoding.ASCII.GetString(bytes));
        Assert.False(SingleUseAuthenticatorTokenProvider.TryFromBase32("not base32!", out _));
    }

    [Theory]
    [InlineData("123456", "123456")]
    [InlineData(" 123 456 ", "123456")]
    [InlineData("123-456", "123456")]
    [InlineData("12345", null)]
    [InlineData("12345a", null)]
    [InlineData("١٢٣٤٥٦", null)]
    [InlineData(null, null)]
    public void CleanCode_KeepsSixAsciiDigitsOnly(string? typed, string? expected) =>
        Assert.Equal(expected, TwoFactorService.CleanCode(typed));
}
