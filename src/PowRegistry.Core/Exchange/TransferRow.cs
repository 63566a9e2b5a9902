namespace PowRegistry.Core.Exchange;

/// <summary>A row of the transfer register, with the people's names resolved for the page.</summary>
public sealed record TransferRow(Transfer Transfer, string RequestedByName, string? ApprovedByName);
