using PowRegistry.Core.Common;

namespace PowRegistry.Core.Exchange;

/// <summary>
/// One entry of the transfer register: who sent which fields of how many records to whom, and when. Exports and
/// shares both write one; a share with identities also records the second administrator who approved it.
/// </summary>
public sealed class Transfer
{
    private Transfer() { }

    private Transfer(TransferKind kind, string requestedBy, DateTimeOffset now, int? counterpartId, string recipient,
        IReadOnlyList<string> fields, int recordCount, string? filter, bool withIdentities, IReadOnlyList<int>? prisonerIds)
    {
        Kind = kind;
        RequestedBy = requestedBy;
        RequestedAt = now;
        CounterpartId = counterpartId;
        Recipient = recipient;
        Fields = string.Join(',', fields);
        RecordCount = recordCount;
        Filter = filter;
        WithIdentities = withIdentities;
        PrisonerIds = prisonerIds is null ? null : string.Join(',', prisonerIds);
        Status = kind == TransferKind.Export ? TransferStatus.Done : withIdentities ? TransferStatus.PendingApproval : TransferStatus.Ready;
    }

    public int Id { get; private set; }
    public TransferKind Kind { get; private set; }
    public TransferStatus Status { get; private set; }
    public string RequestedBy { get; private set; } = "";
    public DateTimeOffset RequestedAt { get; private set; }

    /// <summary>The counterpart a share goes to (null for an export, which goes to the requester).</summary>
    public int? CounterpartId { get; private set; }

    /// <summary>Who receives it, as named when recorded (a counterpart's name may change later).</summary>
    /// <summary>The counterpart a share went to; empty for an export (downloaded by the requester, as the pages say).</summary>
    public string Recipient { get; private set; } = "";

    /// <summary>The columns, comma-separated, in file order.</summary>
    public string Fields { get; private set; } = "";

    public int RecordCount { get; private set; }

    /// <summary>The register filter the records were chosen by (query-string form, no names unless typed as a search).</summary>
    public string? Filter { get; private set; }

    /// <summary>References and names shared, not only pseudonyms: needs a second administrator.</summary>
    public bool WithIdentities { get; private set; }

    /// <summary>A share's records, fixed when requested (comma-separated ids): the download is what was approved.</summary>
    public string? PrisonerIds { get; private set; }

    public string? ApprovedBy { get; private set; }
    public DateTimeOffset? ApprovedAt { get; private set; }
    public int Downloads { get; private set; }
    public DateTimeOffset? LastDownloadedAt { get; private set; }

    public IReadOnlyList<string> FieldList => Fields.Split(',', StringSplitOptions.RemoveEmptyEntries);

    public IReadOnlyList<int> PrisonerIdList =>
        (PrisonerIds ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(i => int.Parse(i, System.Globalization.CultureInfo.InvariantCulture)).ToList();

    public bool MayDownload => Status is TransferStatus.Ready or TransferStatus.Approved;

    public static Transfer Export(Actor actor, DateTimeOffset now, IReadOnlyList<string> fields, int recordCount, string? filter) =>
        new(TransferKind.Export, actor.UserId, now, null, "", fields, recordCount, filter, withIdentities: false, prisonerIds: null);

    public static Transfer Share(Actor actor, DateTimeOffset now, int counterpartId, string counterpartName, IReadOnlyList<string> fields,
        IReadOnlyList<int> prisonerIds, string? filter, bool withIdentities) =>
        new(TransferKind.Share, actor.UserId, now, counterpartId, counterpartName, fields, prisonerIds.Count, filter, withIdentities, prisonerIds);

    /// <summary>A second administrator, not the requester, lets identities go. Returns why not, or null when approved.</summary>
    public Refusal? Approve(Actor approver, DateTimeOffset now)
    {
        if (Status != TransferStatus.PendingApproval) return Refusal.Conflict("Share.NotAwaitingApproval");
        if (approver.UserId == RequestedBy) return Refusal.Invalid("Share.OwnApproval");
        Status = TransferStatus.Approved;
        ApprovedBy = approver.UserId;
        ApprovedAt = now;
        return null;
    }

    public void Downloaded(DateTimeOffset now)
    {
        Downloads++;
        LastDownloadedAt = now;
    }
}
