namespace PowRegistry.Core.Exchange;

/// <summary>What an import is doing, for its progress report.</summary>
public enum ImportStage
{
    Checked,
    Searched,
    Saved,
}
