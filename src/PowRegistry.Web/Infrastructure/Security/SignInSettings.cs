namespace PowRegistry.Web.Infrastructure;

/// <summary>Sign-in and session settings (configuration section PowRegistry:SignIn).</summary>
public sealed class SignInSettings
{
    /// <summary>A session unused this long ends (sliding). OWASP ASVS 3.3.2 asks for at most 30 minutes at level 2.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Login attempts allowed per account and, separately, per client address within <see cref="AttemptWindow"/>.</summary>
    public int AttemptsPerWindow { get; set; } = 10;

    public TimeSpan AttemptWindow { get; set; } = TimeSpan.FromMinutes(1);

    public static SignInSettings From(IConfiguration configuration) =>
        configuration.GetSection("PowRegistry:SignIn").Get<SignInSettings>() ?? new SignInSettings();
}
