namespace PowRegistry.Core.Desks;

/// <summary>Membership of a user in a desk.</summary>
public sealed class DeskMember
{
    private DeskMember() { }

    public DeskMember(int deskId, string userId)
    {
        DeskId = deskId;
        UserId = userId;
    }

    public int DeskId { get; private set; }
    public string UserId { get; private set; } = "";
}
