using FluentValidation;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

using PowRegistry.Core.Accounts;
using PowRegistry.Core.Common;
using PowRegistry.Core.Countries;
using PowRegistry.Core.Data;
using PowRegistry.Core.Prisoners;

namespace PowRegistry.Core.Consultations;

/// <summary>Consultations between governments (and with the ICRC and UNHCR), their status and action items.</summary>
public sealed class ConsultationService(
    PowRegistryDbContext db,
    TimeProvider clock,
    CurrentUser currentUser,
    ConsultationOptions options,
    IValidator<ConsultationInput> validator,
    ILogger<ConsultationService> logger)
{
    private static readonly char[] ListSeparators = [' ', ',', ';', '\n', '\r', '\t'];

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public ConsultationOptions Options => options;

    public async Task<IReadOnlyList<Counterpart>> CounterpartsAsync(CancellationToken ct) => await db.Counterparts.AsNoTracking().OrderBy(c => c.Name).ToListAsync(ct);

    public async Task<ServiceResult<Counterpart>> AddCounterpartAsync(string? name, CounterpartKind? kind, string? country, CancellationToken ct)
    {
        var clean = Text.Clean(name);
        if (clean is null) return ServiceResult<Counterpart>.Failure("Name", "Counterpart.Name.Required");
        if (clean.Length > Limits.ShortText) return ServiceResult<Counterpart>.Failure("Name", "Common.TooLong", Limits.ShortText);
        if (kind is null || !Enum.IsDefined(kind.Value)) return ServiceResult<Counterpart>.Failure("Kind", "Counterpart.Kind.Required");
        var code = Text.Clean(country)?.ToUpperInvariant();
        if (code is not null && !CountryList.IsKnown(code)) return ServiceResult<Counterpart>.Failure("Country", "Counterpart.Country.Unknown");
        if (await db.Counterparts.AnyAsync(c => c.Name == clean, ct)) return ServiceResult<Counterpart>.Failure("Name", "Counterpart.Name.Taken");
        var counterpart = new Counterpart(clean, kind.Value, code);
        db.Counterparts.Add(counterpart);
        await db.SaveChangesAsync(ct);
        return ServiceResult<Counterpart>.Success(counterpart);
    }

    /// <summary>The consultations the user may see, newest first, narrowed by the filter.</summary>
    public async Task<IReadOnlyList<Consultation>> ListAsync(ConsultationFilter filter, CancellationToken ct)
    {
        var query = db.Consultations.AsNoTracking();
        if (filter.Status is { } status) query = query.Where(c => c.Status == status);
        if (filter.Counterpart is { } counterpart) query = query.Where(c => c.CounterpartIds.Contains(counterpart));
        if (filter.Stalled) query = WhereStalled(query);
        if (filter.Overdue)
        {
            var today = Today;
            query = query.Where(c => c.ActionItems.Any(i => !i.Done && i.DueOn < today));
        }
        return await query.OrderByDescending(c => c.Date).ThenByDescending(c => c.Id).Take(500).ToListAsync(ct);
    }

    /// <summary>The rule of <see cref="Consultation.IsStalled"/>, as a query.</summary>
    public IQueryable<Consultation> WhereStalled(IQueryable<Consultation> query)
    {
        var quietSince = clock.GetUtcNow().AddDays(-options.StalledAfterDays);
        return query.Where(c => c.Status == ConsultationStatus.Stalled
            || (c.Status != ConsultationStatus.Implemented && c.Status != ConsultationStatus.Closed && c.LastActivityAt <= quietSince));
    }

    public Task<Consultation?> GetAsync(int id, CancellationToken ct) =>
        db.Consultations.AsNoTracking().Include(c => c.Changes).Include(c => c.ActionItems).AsSplitQuery().FirstOrDefaultAsync(c => c.Id == id, ct);

    /// <summary>The consultations that concern a prisoner (visible to the user).</summary>
    public async Task<IReadOnlyList<Consultation>> ConcerningAsync(int prisonerId, CancellationToken ct) =>
        await db.Consultations.AsNoTracking().Where(c => c.PrisonerIds.Contains(prisonerId)).OrderByDescending(c => c.Date).ToListAsync(ct);

    /// <summary>The consultations that concern a transfer request (visible to the user).</summary>
    public async Task<IReadOnlyList<Consultation>> ConcerningRequestAsync(int requestId, CancellationToken ct) =>
        await db.Consultations.AsNoTracking().Where(c => c.RequestIds.Contains(requestId)).OrderByDescending(c => c.Date).ToListAsync(ct);

    /// <summary>References of the prisoners a consultation names that the user may see (others stay unnamed).</summary>
    public async Task<IReadOnlyList<(int Id, string Reference)>> VisiblePrisonersAsync(Consultation consultation, CancellationToken ct)
    {
        var ids = consultation.PrisonerIds;
        return (await db.Prisoners.AsNoTracking().Where(p => ids.Contains(p.Id)).Select(p => new { p.Id, p.Reference }).ToListAsync(ct))
            .Select(p => (p.Id, p.Reference)).ToList();
    }

    /// <summary>The desks the user may record a consultation for.</summary>
    public async Task<IReadOnlyList<Desks.Desk>> DesksForAsync(CancellationToken ct)
    {
        var desks = db.Desks.AsNoTracking();
        if (!currentUser.IsAdministrator)
        {
            var mine = currentUser.DeskIds;
            desks = desks.Where(d => mine.Contains(d.Id));
        }
        return await desks.OrderBy(d => d.Name).ToListAsync(ct);
    }

    public async Task<string> DeskNameAsync(int deskId, CancellationToken ct) =>
        await db.Desks.Where(d => d.Id == deskId).Select(d => d.Name).FirstOrDefaultAsync(ct) ?? $"#{deskId}";

    /// <summary>Who may own an action item: someone who can see the consultation (its desk's members, administrators).</summary>
    public async Task<IReadOnlyList<(string Id, string Name)>> PossibleOwnersAsync(int deskId, CancellationToken ct)
    {
        var administrators = db.UserRoles.Join(db.Roles.Where(r => r.Name == Roles.Administrator), ur => ur.RoleId, r => r.Id, (ur, r) => ur.UserId);
        var members = db.DeskMembers.Where(m => m.DeskId == deskId).Select(m => m.UserId);
        return (await db.Users.AsNoTracking()
                .Where(u => !u.IsDisabled && (members.Contains(u.Id) || administrators.Contains(u.Id)))
                .OrderBy(u => u.DisplayName).Select(u => new { u.Id, u.DisplayName, u.Email }).ToListAsync(ct))
            .Select(u => (u.Id, $"{u.DisplayName} ({u.Email})")).ToList();
    }

    public async Task<ServiceResult<Consultation>> CreateAsync(ConsultationInput input, Actor actor, CancellationToken ct)
    {
        var validation = await validator.ValidateAsync(input, ct);
        if (!validation.IsValid) return ServiceResult<Consultation>.Failure(validation);
        var (known, unknownCounterpart) = await CounterpartsAsync(input, ct);
        if (unknownCounterpart is not null) return ServiceResult<Consultation>.Failure(unknownCounterpart);

        var desks = await DesksForAsync(ct);
        var deskId = input.DeskId ?? (desks.Count == 1 ? desks[0].Id : null);
        if (deskId is null || desks.All(d => d.Id != deskId))
        {
            return ServiceResult<Consultation>.Failure(nameof(ConsultationInput.DeskId),
                desks.Count == 0 ? "ConsultationInput.DeskId.NoDesk" : "ConsultationInput.DeskId.NotYours");
        }

        var (concerned, refused) = await ConcernedAsync(input, ct);
        if (refused is not null) return ServiceResult<Consultation>.Failure(refused);
        var consultation = new Consultation(input, IsoDate(input.Date), deskId.Value, known, concerned.PrisonerIds, concerned.RequestIds, actor, clock.GetUtcNow());
        db.Consultations.Add(consultation);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Consultation {ConsultationId} recorded by {UserId}", consultation.Id, actor.UserId);
        return ServiceResult<Consultation>.Success(consultation);
    }

    /// <summary>The counterparts chosen, every one of them known; or why not (an unknown id is refused, not dropped).</summary>
    private async Task<(List<int> Known, Refusal? Refused)> CounterpartsAsync(ConsultationInput input, CancellationToken ct)
    {
        var chosen = input.CounterpartIds.Distinct().ToList();
        var known = await db.Counterparts.Where(c => chosen.Contains(c.Id)).Select(c => c.Id).ToListAsync(ct);
        if (chosen.Count == 0) return (known, Refusal.Invalid("ConsultationInput.CounterpartIds.Required").On(nameof(ConsultationInput.CounterpartIds)));
        return known.Count == chosen.Count ? (known, null) : (known, Refusal.Invalid("ConsultationInput.CounterpartIds.Unknown").On(nameof(ConsultationInput.CounterpartIds)));
    }

    /// <summary>Rewrites what a consultation records (not its desk or status), refusing an edit made from a stale page.</summary>
    public async Task<ServiceResult<Consultation>> UpdateAsync(int id, ConsultationInput input, Actor actor, CancellationToken ct)
    {
        var consultation = await db.Consultations.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (consultation is null) return ServiceResult<Consultation>.NotFound();
        var validation = await validator.ValidateAsync(input, ct);
        if (!validation.IsValid) return ServiceResult<Consultation>.Failure(validation);
        // Refused, never ignored: there is no move between desks yet, and a caller who asked for one must not read "updated".
        if (input.DeskId is { } deskId && deskId != consultation.DeskId)
        {
            return ServiceResult<Consultation>.Failure(nameof(ConsultationInput.DeskId), "ConsultationInput.DeskId.CannotMove");
        }
        var (known, unknownCounterpart) = await CounterpartsAsync(input, ct);
        if (unknownCounterpart is not null) return ServiceResult<Consultation>.Failure(unknownCounterpart);
        var (concerned, refused) = await ConcernedAsync(input, ct);
        if (refused is not null) return ServiceResult<Consultation>.Failure(refused);

        // Records and requests on desks the editor cannot see stay concerned: he cannot see them to remove them.
        var visible = await db.Prisoners.Where(p => consultation.PrisonerIds.Contains(p.Id)).Select(p => p.Id).ToListAsync(ct);
        var prisonerIds = concerned.PrisonerIds.Concat(consultation.PrisonerIds.Except(visible)).ToList();
        var visibleRequests = await db.TransferRequests.Where(r => consultation.RequestIds.Contains(r.Id))
            .Join(db.Prisoners, r => r.PrisonerId, p => p.Id, (r, p) => r.Id).ToListAsync(ct);
        var requestIds = concerned.RequestIds.Concat(consultation.RequestIds.Except(visibleRequests)).ToList();
        if (input.Version != consultation.Version) return StaleEdit(consultation.Version);
        db.Entry(consultation).Property(c => c.Version).OriginalValue = input.Version;
        consultation.Update(input, IsoDate(input.Date), known, prisonerIds, requestIds, clock.GetUtcNow());
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return StaleEdit((await db.Consultations.AsNoTracking().FirstAsync(c => c.Id == id, ct)).Version);
        }
        logger.LogInformation("Consultation {ConsultationId} updated by {UserId}", id, actor.UserId);
        return ServiceResult<Consultation>.Success(consultation);
    }

    private static ServiceResult<Consultation> StaleEdit(int currentVersion) => ServiceResult<Consultation>.Conflict(
        [Refusal.Conflict("Consultation.Stale")], currentVersion);

    private static readonly Concerned Nobody = new([], []);

    private sealed record Concerned(List<int> PrisonerIds, List<int> RequestIds);

    /// <summary>The prisoners and requests named on the form; only those the user can see may be named.</summary>
    private async Task<(Concerned Concerned, Refusal? Refused)> ConcernedAsync(ConsultationInput input, CancellationToken ct)
    {
        // Only records and requests the user can see may be named: an unknown one reads the same as one on another desk.
        var references = (input.PrisonerReferences ?? "").Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries)
            .Select(r => r.Trim().ToUpperInvariant()).Distinct().ToList();
        var prisoners = await db.Prisoners.Where(p => references.Contains(p.Reference)).Select(p => new { p.Id, p.Reference }).ToListAsync(ct);
        var unknown = references.Except(prisoners.Select(p => p.Reference)).ToList();
        if (unknown.Count > 0) return (Nobody, Refusal.Invalid("ConsultationInput.PrisonerReferences.Unknown", string.Join(", ", unknown)).On(nameof(ConsultationInput.PrisonerReferences)));

        var numbers = new List<int>();
        foreach (var word in (input.RequestNumbers ?? "").Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries))
        {
            if (!int.TryParse(word.TrimStart('#'), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number))
            {
                return (Nobody, Refusal.Invalid("ConsultationInput.RequestNumbers.Invalid").On(nameof(ConsultationInput.RequestNumbers)));
            }
            numbers.Add(number);
        }
        var requests = await db.TransferRequests.Where(r => numbers.Contains(r.Id))
            .Join(db.Prisoners, r => r.PrisonerId, p => p.Id, (r, p) => new { r.Id, r.PrisonerId }).ToListAsync(ct);
        var unknownRequests = numbers.Distinct().Except(requests.Select(r => r.Id)).ToList();
        if (unknownRequests.Count > 0) return (Nobody, Refusal.Invalid("ConsultationInput.RequestNumbers.Unknown", string.Join(", ", unknownRequests)).On(nameof(ConsultationInput.RequestNumbers)));

        // A request concerns its prisoner: he is listed too, so the consultation shows on his page.
        return (new Concerned(prisoners.Select(p => p.Id).Concat(requests.Select(r => r.PrisonerId)).Distinct().ToList(), requests.Select(r => r.Id).ToList()), null);
    }

    public async Task<ServiceResult<Consultation>> ChangeStatusAsync(int id, ConsultationStatus? to, Actor actor, CancellationToken ct)
    {
        if (to is null || !Enum.IsDefined(to.Value)) return ServiceResult<Consultation>.Failure("Status", "Consultation.Status.Unknown");
        var consultation = await db.Consultations.Include(c => c.Changes).FirstOrDefaultAsync(c => c.Id == id, ct);
        if (consultation is null) return ServiceResult<Consultation>.NotFound();
        var refusals = consultation.ChangeStatus(to.Value, actor, clock.GetUtcNow());
        if (refusals.Count > 0) return ServiceResult<Consultation>.Failure(refusals);
        await db.SaveChangesAsync(ct);
        return ServiceResult<Consultation>.Success(consultation);
    }

    public async Task<ServiceResult<ActionItem>> AddActionItemAsync(int id, string? what, string? ownerId, string? due, Actor actor, CancellationToken ct)
    {
        var consultation = await db.Consultations.Include(c => c.ActionItems).FirstOrDefaultAsync(c => c.Id == id, ct);
        if (consultation is null) return ServiceResult<ActionItem>.NotFound();
        var clean = Text.Clean(what);
        if (clean is null) return ServiceResult<ActionItem>.Failure("What", "ActionItem.What.Required");
        if (clean.Length > Limits.LongText) return ServiceResult<ActionItem>.Failure("What", "Common.TooLong", Limits.LongText);
        if (ownerId is null || (await PossibleOwnersAsync(consultation.DeskId, ct)).All(o => o.Id != ownerId))
        {
            return ServiceResult<ActionItem>.Failure("Owner", "ActionItem.Owner.NotPossible");
        }
        if (!PrisonerInputValidator.TryParseDate(due, out var dueOn)) return ServiceResult<ActionItem>.Failure("Due", "ActionItem.Due.Invalid");
        var item = consultation.AddActionItem(clean, ownerId, dueOn, actor, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return ServiceResult<ActionItem>.Success(item);
    }

    public async Task<ServiceResult<bool>> CompleteActionItemAsync(int id, int itemId, Actor actor, CancellationToken ct)
    {
        var consultation = await db.Consultations.Include(c => c.ActionItems).FirstOrDefaultAsync(c => c.Id == id, ct);
        if (consultation is null || consultation.ActionItems.All(i => i.Id != itemId)) return ServiceResult<bool>.NotFound();
        consultation.CompleteActionItem(itemId, actor, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return ServiceResult<bool>.Success(true);
    }

    /// <summary>A user's open action items, overdue first, then by due date.</summary>
    public async Task<IReadOnlyList<MyActionItem>> ActionItemsOfAsync(string userId, CancellationToken ct)
    {
        var today = Today;
        var items = await db.Set<ActionItem>().AsNoTracking()
            .Where(i => i.OwnerId == userId && !i.Done)
            .Join(db.Consultations, i => i.ConsultationId, c => c.Id, (i, c) => new { i.Id, ConsultationId = c.Id, c.Title, i.What, i.DueOn })
            .ToListAsync(ct);
        return MyActionItem.InListOrder(items.Select(i => new MyActionItem(i.Id, i.ConsultationId, i.Title, i.What, i.DueOn, i.DueOn < today)));
    }

    public async Task<IReadOnlyList<DocumentInfo>?> DocumentsAsync(int id, CancellationToken ct)
    {
        if (!await db.Consultations.AnyAsync(c => c.Id == id, ct)) return null;
        return await db.ConsultationDocuments.AsNoTracking().Where(d => d.ConsultationId == id).OrderBy(d => d.Id)
            .Select(d => new DocumentInfo(d.Id, d.FileName, d.ContentType, d.Size, d.UploadedBy, d.UploadedAt)).ToListAsync(ct);
    }

    /// <summary>A document with its content, if the user may see its consultation.</summary>
    public async Task<ConsultationDocument?> DocumentAsync(int id, int documentId, CancellationToken ct)
    {
        if (!await db.Consultations.AnyAsync(c => c.Id == id, ct)) return null;
        return await db.ConsultationDocuments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == documentId && d.ConsultationId == id, ct);
    }

    /// <summary>Attaches a document after checking its size and, by its first bytes, its type.</summary>
    public async Task<ServiceResult<DocumentInfo>> AddDocumentAsync(int id, string? fileName, long length, Stream content, Actor actor, CancellationToken ct)
    {
        var consultation = await db.Consultations.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (consultation is null) return ServiceResult<DocumentInfo>.NotFound();
        if (length <= 0) return ServiceResult<DocumentInfo>.Failure("Document", "ConsultationDocument.Required");
        if (length > options.MaxDocumentBytes) return ServiceResult<DocumentInfo>.Failure("Document", "ConsultationDocument.TooLarge", options.MaxDocumentBytes / (1024 * 1024));

        // Read at most one byte more than allowed, so a lying length cannot make us hold more.
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while (buffer.Length <= options.MaxDocumentBytes && (read = await content.ReadAsync(chunk, ct)) > 0) buffer.Write(chunk, 0, read);
        if (buffer.Length > options.MaxDocumentBytes) return ServiceResult<DocumentInfo>.Failure("Document", "ConsultationDocument.TooLarge", options.MaxDocumentBytes / (1024 * 1024));
        var bytes = buffer.ToArray();

        var name = Text.Clean(Path.GetFileName((fileName ?? "").Replace('\\', '/')));
        if (name is null) return ServiceResult<DocumentInfo>.Failure("Document", "ConsultationDocument.NoName");
        if (name.Length > 200) name = name[^200..];
        var type = DocumentTypes.Detect(name, bytes);
        if (type is null) return ServiceResult<DocumentInfo>.Failure("Document", "ConsultationDocument.TypeRefused", DocumentTypes.Accepted);

        var now = clock.GetUtcNow();
        var document = new ConsultationDocument(id, name, type, bytes, actor, now);
        db.ConsultationDocuments.Add(document);
        consultation.Touch(now);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Document {DocumentId} attached to consultation {ConsultationId} by {UserId}", document.Id, id, actor.UserId);
        return ServiceResult<DocumentInfo>.Success(new DocumentInfo(document.Id, document.FileName, document.ContentType, document.Size, document.UploadedBy, document.UploadedAt));
    }

    /// <summary>The form's date, already checked by the validator: the entity takes it typed.</summary>
    private static DateOnly IsoDate(string? value) => DateOnly.ParseExact(value!, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
