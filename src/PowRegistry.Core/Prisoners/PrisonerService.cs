using FluentValidation;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

using PowRegistry.Core.Common;
using PowRegistry.Core.Data;

namespace PowRegistry.Core.Prisoners;

/// <summary>
/// One prisoner's record: reading it, registering it and changing it (its aliases, documents and custody events).
/// Finding records is <see cref="RegisterService"/>; registering many, <see cref="BatchRegistrationService"/>; merging two, <see cref="MergeService"/>.
/// </summary>
public sealed class PrisonerService(
    PowRegistryDbContext db,
    CurrentUser currentUser,
    TimeProvider clock,
    IValidator<PrisonerInput> prisonerValidator,
    IValidator<AliasInput> aliasValidator,
    IValidator<IdentityDocumentInput> documentValidator,
    IValidator<CustodyEventInput> eventValidator,
    PossibleDuplicates duplicates,
    Notifications.NotificationOptions deadlines,
    Audit.AccessLog accessLog,
    ILogger<PrisonerService> logger)
{
    public Task<Prisoner?> GetAsync(int id, CancellationToken ct) =>
        db.Prisoners
            .Include(p => p.Aliases)
            .Include(p => p.Documents)
            .Include(p => p.CustodyEvents)
            .AsSplitQuery()
            .AsNoTracking()
            .FirstOrDefaultAsync(p => p.Id == id, ct);

    /// <summary>Loads a record for a person to read, and writes that he opened it to the audit trail.</summary>
    public async Task<Prisoner?> OpenAsync(int id, CancellationToken ct)
    {
        var prisoner = await GetAsync(id, ct);
        if (prisoner is not null) await AuditOpeningAsync(id, ct);
        return prisoner;
    }

    /// <summary>
    /// Writes that the current user opened the record; completes once the entry is committed to the audit chain
    /// (shared with other views' entries, see <see cref="Audit.AccessLog"/>). Nothing of the record may be shown before.
    /// </summary>
    public Task AuditOpeningAsync(int id, CancellationToken ct) =>
        accessLog.RecordAsync(clock.GetUtcNow(), currentUser.UserId, nameof(Prisoner), id.ToString(System.Globalization.CultureInfo.InvariantCulture), id, ct);

    public async Task<PrisonerInput?> GetForEditAsync(int id, CancellationToken ct)
    {
        var prisoner = await db.Prisoners.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        return prisoner is null ? null : PrisonerInput.From(prisoner);
    }

    public async Task<ServiceResult<Prisoner>> CreateAsync(PrisonerInput input, Actor actor, CancellationToken ct)
    {
        var (refused, deskId) = await RegistrationChecks.CheckAsync(db, prisonerValidator, input, await RegistrationChecks.DesksAsync(db, currentUser, ct), ct);
        if (refused is not null) return refused;
        if (!input.DuplicatesChecked && await duplicates.FindAsync(input, exceptId: null, ct) is { Count: > 0 }) return RegistrationChecks.DuplicateWarning();

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var saved = await AddRegisteredAsync(input, deskId, actor, ct);
        if (!saved.Succeeded) return saved;
        await transaction.CommitAsync(ct);

        logger.LogInformation("Prisoner {PrisonerId} registered by {UserId}", saved.Value!.Id, actor.UserId);
        return saved;
    }

    /// <summary>Adds and saves a checked registration inside the caller's transaction: the record, then its reference (the save writes its search terms).</summary>
    private async Task<ServiceResult<Prisoner>> AddRegisteredAsync(PrisonerInput input, int deskId, Actor actor, CancellationToken ct)
    {
        var prisoner = Prisoner.Register(PrisonerDetails.From(input), input.InitialAlias, input.InitialAliasSource, deskId, actor, clock.GetUtcNow(), deadlines);
        db.Prisoners.Add(prisoner);
        if (await RegistrationChecks.TrySaveAsync(db, ct) is { } failed) return failed;
        prisoner.AssignReference();
        if (await RegistrationChecks.TrySaveAsync(db, ct) is { } failedAgain) return failedAgain;
        return ServiceResult<Prisoner>.Success(prisoner);
    }

    public async Task<ServiceResult<Prisoner>> UpdateAsync(int id, PrisonerInput input, Actor actor, CancellationToken ct)
    {
        var prisoner = await db.Prisoners.Include(p => p.Aliases).Include(p => p.Documents).Include(p => p.Notifications).AsSplitQuery().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (prisoner is null) return ServiceResult<Prisoner>.NotFound();
        // Anonymised under retention (ADR-024): what identified him must not come back by an edit.
        if (prisoner.IsAnonymised) return ServiceResult<Prisoner>.Failure(Refusal.Conflict("Retention.AlreadyAnonymised"));

        input.HasAliases = prisoner.Aliases.Count > 0;
        var validation = await prisonerValidator.ValidateAsync(input, ct);
        if (!validation.IsValid) return ServiceResult<Prisoner>.Failure(validation);
        if (await RegistrationChecks.ServiceNumberTakenAsync(db, input, exceptId: id, ct) is { } taken) return taken;
        if (input.Version != prisoner.Version) return Conflict(prisoner, input);
        if (!input.DuplicatesChecked && IdentityChanged(prisoner, input) && await duplicates.FindAsync(input, exceptId: id, ct) is { Count: > 0 }) return RegistrationChecks.DuplicateWarning();

        // The version the officer loaded is what the database must still hold when we write (checked again in SQL).
        db.Entry(prisoner).Property(p => p.Version).OriginalValue = input.Version;
        // An alias is added through the record's aliases: one sent with an edit would otherwise be dropped unsaid.
        if (!string.IsNullOrWhiteSpace(input.InitialAlias))
        {
            return ServiceResult<Prisoner>.Failure(nameof(PrisonerInput.InitialAlias), "Prisoner.Edit.NoInitialAlias");
        }
        if (input.DeskId is { } deskId && deskId != prisoner.DeskId)
        {
            // Refused, never ignored: a caller who asked for a move must not read success while the record stays put.
            if (!currentUser.IsAdministrator) return ServiceResult<Prisoner>.Failure(nameof(PrisonerInput.DeskId), "Prisoner.Desk.AdministratorOnly");
            if (!await db.Desks.AnyAsync(d => d.Id == deskId, ct)) return ServiceResult<Prisoner>.Failure(nameof(PrisonerInput.DeskId), "Prisoner.Desk.FromList");
            prisoner.MoveToDesk(deskId, actor, clock.GetUtcNow());
        }
        prisoner.Update(PrisonerDetails.From(input), actor, clock.GetUtcNow(), deadlines);
        try
        {
            if (await RegistrationChecks.TrySaveAsync(db, ct) is { } failed) return failed;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.Prisoners.AsNoTracking().FirstAsync(p => p.Id == id, ct);
            return Conflict(current, input);
        }

        logger.LogInformation("Prisoner {PrisonerId} updated by {UserId}", prisoner.Id, actor.UserId);
        return ServiceResult<Prisoner>.Success(prisoner);
    }

    public async Task<ServiceResult<PrisonerAlias>> AddAliasAsync(int prisonerId, AliasInput input, Actor actor, CancellationToken ct)
    {
        var validation = await aliasValidator.ValidateAsync(input, ct);
        if (!validation.IsValid) return ServiceResult<PrisonerAlias>.Failure(validation);
        var prisoner = await db.Prisoners.Include(p => p.Aliases).Include(p => p.Documents).FirstOrDefaultAsync(p => p.Id == prisonerId, ct);
        if (prisoner is null) return ServiceResult<PrisonerAlias>.NotFound();
        if (prisoner.IsAnonymised) return ServiceResult<PrisonerAlias>.Failure(Refusal.Conflict("Retention.AlreadyAnonymised"));

        var alias = prisoner.AddAlias(Text.Clean(input.Name)!, input.Source, input.Confidence, Text.Clean(input.Notes, multiline: true), actor, clock.GetUtcNow());
        if (await RegistrationChecks.TrySaveAsync(db, ct) is { } failed) return ServiceResult<PrisonerAlias>.Failure(failed.Errors);
        logger.LogInformation("Alias {AliasId} added to prisoner {PrisonerId} by {UserId}", alias.Id, prisoner.Id, actor.UserId);
        return ServiceResult<PrisonerAlias>.Success(alias);
    }

    public async Task<ServiceResult<bool>> RemoveAliasAsync(int prisonerId, int aliasId, Actor actor, CancellationToken ct)
    {
        var prisoner = await db.Prisoners.Include(p => p.Aliases).Include(p => p.Documents).FirstOrDefaultAsync(p => p.Id == prisonerId, ct);
        if (prisoner is null || prisoner.Aliases.All(a => a.Id != aliasId)) return ServiceResult<bool>.NotFound();
        if (!prisoner.RemoveAlias(aliasId, actor, clock.GetUtcNow()))
        {
            return ServiceResult<bool>.Failure("", "Prisoner.Alias.OnlyName");
        }
        if (await RegistrationChecks.TrySaveAsync(db, ct) is { } failed) return ServiceResult<bool>.Failure(failed.Errors);
        logger.LogInformation("Alias {AliasId} removed from prisoner {PrisonerId} by {UserId}", aliasId, prisoner.Id, actor.UserId);
        return ServiceResult<bool>.Success(true);
    }

    public async Task<ServiceResult<IdentityDocument>> AddDocumentAsync(int prisonerId, IdentityDocumentInput input, Actor actor, CancellationToken ct)
    {
        var validation = await documentValidator.ValidateAsync(input, ct);
        if (!validation.IsValid) return ServiceResult<IdentityDocument>.Failure(validation);
        var prisoner = await db.Prisoners.Include(p => p.Aliases).Include(p => p.Documents).FirstOrDefaultAsync(p => p.Id == prisonerId, ct);
        if (prisoner is null) return ServiceResult<IdentityDocument>.NotFound();
        if (prisoner.IsAnonymised) return ServiceResult<IdentityDocument>.Failure(Refusal.Conflict("Retention.AlreadyAnonymised"));

        var document = prisoner.AddDocument(input.DocumentType!, input.Number, input.Issuer, input.NameShown, input.Authenticity, input.Notes, actor, clock.GetUtcNow());
        if (await RegistrationChecks.TrySaveAsync(db, ct) is { } failed) return ServiceResult<IdentityDocument>.Failure(failed.Errors);
        logger.LogInformation("Document {DocumentId} added to prisoner {PrisonerId} by {UserId}", document.Id, prisoner.Id, actor.UserId);
        return ServiceResult<IdentityDocument>.Success(document);
    }

    public async Task<ServiceResult<CustodyEvent>> AddCustodyEventAsync(int prisonerId, CustodyEventInput input, Actor actor, CancellationToken ct)
    {
        var validation = await eventValidator.ValidateAsync(input, ct);
        if (!validation.IsValid) return ServiceResult<CustodyEvent>.Failure(validation);
        var prisoner = await db.Prisoners.Include(p => p.CustodyEvents).Include(p => p.Notifications).AsSplitQuery().FirstOrDefaultAsync(p => p.Id == prisonerId, ct);
        if (prisoner is null) return ServiceResult<CustodyEvent>.NotFound();
        if (prisoner.DateOfBirth is { } born && PrisonerInputValidator.TryParseDate(input.Date, out var date) && date < born.Earliest)
        {
            return ServiceResult<CustodyEvent>.Failure(nameof(CustodyEventInput.Date), "CustodyEventInput.Date.BeforeBirth");
        }
        // While a request is open, the handover is recorded by completing it, where every safeguard is checked; a
        // repatriation or transfer entered by hand would put him beyond those checks (docs/safeguards.md).
        if (CustodyEvent.IsHandoverKind(input.Kind) && await db.TransferRequests.AnyAsync(r => r.PrisonerId == prisonerId
                && r.Status != Requests.RequestStatus.Completed && r.Status != Requests.RequestStatus.Refused && r.Status != Requests.RequestStatus.Withdrawn, ct))
        {
            return ServiceResult<CustodyEvent>.Failure(nameof(CustodyEventInput.Kind),
                "CustodyEventInput.Kind.OpenRequest");
        }

        var custodyEvent = prisoner.AddCustodyEvent(input.Kind!.Value, DateOnly.Parse(input.Date!, System.Globalization.CultureInfo.InvariantCulture),
            input.Place, input.Details, actor, clock.GetUtcNow(), deadlines);
        if (await RegistrationChecks.TrySaveAsync(db, ct) is { } failed) return ServiceResult<CustodyEvent>.Failure(failed.Errors);
        logger.LogInformation("Custody event {EventId} ({Kind}) added to prisoner {PrisonerId} by {UserId}", custodyEvent.Id, custodyEvent.Kind, prisoner.Id, actor.UserId);
        return ServiceResult<CustodyEvent>.Success(custodyEvent);
    }

    /// <summary>The field of the duplicate warning: a page that gets it lists the possible duplicates.</summary>
    public const string DuplicatesField = nameof(PrisonerInput.DuplicatesChecked);

    /// <summary>Only a change of name, date of birth or service number is worth a duplicate check on edit.</summary>
    private static bool IdentityChanged(Prisoner prisoner, PrisonerInput input) =>
        Text.Clean(input.FamilyName) != prisoner.FamilyName || Text.Clean(input.GivenNames) != prisoner.GivenNames
        || Text.Clean(input.ServiceNumber) != prisoner.ServiceNumber || Text.Clean(input.DateOfBirth) != prisoner.DateOfBirth?.ToString();

    public Task<IReadOnlyList<DuplicateCandidate>> PossibleDuplicatesAsync(PrisonerInput input, int? exceptId, CancellationToken ct) =>
        duplicates.FindAsync(input, exceptId, ct);

    /// <summary>Someone saved first: refuse, and tell the officer field by field what the record now says.</summary>
    private static ServiceResult<Prisoner> Conflict(Prisoner current, PrisonerInput submitted)
    {
        var now = PrisonerInput.From(current);
        var errors = new List<Refusal>
        {
            Refusal.Conflict("Prisoner.Save.Changed"),
        };
        foreach (var property in typeof(PrisonerInput).GetProperties())
        {
            if (property.Name is nameof(PrisonerInput.Version) or nameof(PrisonerInput.InitialAlias) or nameof(PrisonerInput.InitialAliasSource)
                or nameof(PrisonerInput.DeskId) or nameof(PrisonerInput.DuplicatesChecked))
            {
                continue;
            }

            var theirs = Convert.ToString(property.GetValue(now), System.Globalization.CultureInfo.InvariantCulture) ?? "";
            var yours = Convert.ToString(property.GetValue(submitted), System.Globalization.CultureInfo.InvariantCulture) ?? "";
            if (!string.Equals(Text.Clean(theirs) ?? "", Text.Clean(yours) ?? "", StringComparison.Ordinal))
            {
                errors.Add(Refusal.Conflict("Prisoner.Save.NowSaved", theirs.Length == 0 ? new Message("Prisoner.Save.Empty") : theirs).On(property.Name));
            }
        }
        return ServiceResult<Prisoner>.Conflict(errors, current.Version);
    }
}
