using PowRegistry.Core.Accounts;

namespace PowRegistry.Core.Api;

/// <summary>The token and who it acts for, when a presented token is valid now.</summary>
public sealed record ApiCaller(ApiToken Token, AppUser User);
