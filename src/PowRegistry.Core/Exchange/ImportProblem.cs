using PowRegistry.Core.Common;

namespace PowRegistry.Core.Exchange;

/// <summary>A problem in the file: its row as a spreadsheet numbers it (1 = the header), its column, and what to do.</summary>
public sealed record ImportProblem(int Row, string Column, Message Message);
