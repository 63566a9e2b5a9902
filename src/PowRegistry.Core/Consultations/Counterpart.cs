namespace PowRegistry.Core.Consultations;

/// <summary>A government, agency or organisation we consult: a managed list, kept by administrators.</summary>
public sealed class Counterpart
{
    private Counterpart() { }

    public Counterpart(string name, CounterpartKind kind, string? countryCode)
    {
        Name = name;
        Kind = kind;
        CountryCode = countryCode;
    }

    public int Id { get; private set; }
    public string Name { get; private set; } = "";
    public CounterpartKind Kind { get; private set; }
    public string? CountryCode { get; private set; }
}
