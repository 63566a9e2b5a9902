namespace PowRegistry.Core.Desks;

/// <summary>
/// A team that owns records, e.g. "Seoul HQ" or "Kyiv Embassy". Every prisoner belongs to one desk; case officers
/// see and change only the records of their desks (need-to-know).
/// </summary>
public sealed class Desk
{
    public const int NameMaxLength = 100;

    /// <summary>The desk every record belonged to before desks existed; administrators rename or reassign.</summary>
    public const int DefaultDeskId = 1;

    private Desk() { }

    public Desk(string name) => Name = name;

    public int Id { get; private set; }
    public string Name { get; private set; } = "";

    public void Rename(string name) => Name = name;
}
