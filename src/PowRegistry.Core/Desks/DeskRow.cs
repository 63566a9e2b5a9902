namespace PowRegistry.Core.Desks;

public sealed record DeskRow(int Id, string Name, int MemberCount, int PrisonerCount);
