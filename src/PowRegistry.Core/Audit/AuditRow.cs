namespace PowRegistry.Core.Audit;

/// <summary>
/// One audit entry as a reader sees it. <see cref="Changes"/> carry what each field was and became, as recorded;
/// <see cref="Kinds"/> says how each field's values read (an enum, a person, a linked record…) and <see cref="People"/>
/// names the accounts the entry mentions, so that a page can show "Kim Officer" instead of an account id.
/// </summary>
public sealed record AuditRow(
    long Id, DateTimeOffset At, string UserId, string UserName, string Action, string EntityType, string EntityId, int? PrisonerId,
    IReadOnlyList<FieldChange> Changes)
{
    public IReadOnlyDictionary<string, AuditValueKind> Kinds { get; init; } = new Dictionary<string, AuditValueKind>();

    /// <summary>The enum type of a field whose kind is <see cref="AuditValueKind.Enum"/>.</summary>
    public IReadOnlyDictionary<string, Type> EnumTypes { get; init; } = new Dictionary<string, Type>();

    public IReadOnlyDictionary<string, string> People { get; init; } = new Dictionary<string, string>();

    /// <summary>Its values were removed under retention (ADR-024); the entry and its seal remain.</summary>
    public bool Redacted { get; init; }

    /// <summary>A view whose viewer was removed after AccessLogYears (ADR-024): when and which record remain, not who.</summary>
    public bool ViewerExpired => Redacted && Action == AuditActions.Access && UserId == AuditEntry.ExpiredUserId;

    public AuditValueKind KindOf(string field) => Kinds.GetValueOrDefault(field, AuditValueKind.Text);
}

/// <summary>How a recorded value reads to a person.</summary>
public enum AuditValueKind
{
    Text,
    Enum,
    Flag,
    Moment,
    Person,
    Prisoner,
    Request,
    Consultation,
    /// <summary>Recorded by the entry's own columns (who, when, which record): not repeated among the changes.</summary>
    Hidden,
}
