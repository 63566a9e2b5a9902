
namespace PowRegistry.Core.Api;

public enum ApiTokenScope
{
    Read = 1,
    ReadWrite = 2,
}
