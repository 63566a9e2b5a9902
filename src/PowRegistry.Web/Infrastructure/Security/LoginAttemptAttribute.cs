namespace PowRegistry.Web.Infrastructure;

/// <summary>Marks a page whose POST is a login attempt (password or second-factor code): it is rate-limited.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class LoginAttemptAttribute : Attribute
{
    /// <summary>The code step: the account is the user who passed the password step, not a submitted email.</summary>
    public bool SecondFactor { get; init; }
}
