namespace PowRegistry.Core.Common;

/// <summary>
/// Who the current unit of work acts for, and which desks' records it may see. One per request (scoped).
/// It starts as "nobody" (sees no record): the web layer fills it from the signed-in user, and start-up,
/// commands and tests say explicitly that they act as the system. Forgetting to set it hides data; it never leaks it.
/// </summary>
public sealed class CurrentUser
{
    public const string SystemUserId = "system";
    public const string AnonymousUserId = "anonymous";

    public string UserId { get; private set; } = AnonymousUserId;

    /// <summary>Administrators and auditors read every desk; so does the system.</summary>
    public bool SeesAllDesks { get; private set; }

    public bool IsAdministrator { get; private set; }

    /// <summary>The desks the user belongs to (need-to-know for sensitive parts).</summary>
    public IReadOnlyList<int> DeskIds { get; private set; } = [];

    /// <summary>The same desks as the database's need-to-know filter reads them (see <see cref="Common.FilterDesks"/>).</summary>
    public FilterDesks FilterDesks { get; private set; } = FilterDesks.None;

    public Actor Actor => new(UserId);

    public void ActAsSystem()
    {
        UserId = SystemUserId;
        SeesAllDesks = true;
        IsAdministrator = true;
        DeskIds = [];
        FilterDesks = FilterDesks.None;
    }

    public void SignedIn(string userId, bool isAdministrator, bool isAuditor, IReadOnlyList<int> deskIds)
    {
        UserId = userId;
        IsAdministrator = isAdministrator;
        SeesAllDesks = isAdministrator || isAuditor;
        DeskIds = deskIds;
        FilterDesks = new FilterDesks(deskIds);
    }

    /// <summary>A signed-in case officer on no desk: he sees no record until an administrator puts him on one.</summary>
    public bool IsWithoutDesk => !SeesAllDesks && DeskIds.Count == 0 && UserId is not (SystemUserId or AnonymousUserId);

    /// <summary>Next-of-kin and (later) wish reasons, fears and verbatim words: the owning desk and administrators only.</summary>
    public bool MaySeeSensitive(int deskId) => IsAdministrator || DeskIds.Contains(deskId);
}
