
namespace PowRegistry.Core.Consultations;

public enum CounterpartKind
{
    Ministry = 1,
    Agency = 2,
    Icrc = 3,
    Unhcr = 4,
    Other = 5,
}
