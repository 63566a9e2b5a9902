namespace PowRegistry.Core.Common;

/// <summary>Who is acting. Carries the user id only: ids go to logs and audit, names never do.</summary>
public sealed record Actor(string UserId)
{
    public static readonly Actor System = new("system");
}
