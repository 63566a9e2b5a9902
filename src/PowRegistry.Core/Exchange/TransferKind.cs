
namespace PowRegistry.Core.Exchange;

public enum TransferKind
{
    Export = 1,
    Share = 2,
}
