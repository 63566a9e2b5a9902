using System.Linq.Expressions;

using FluentValidation;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

using PowRegistry.Core.Common;
using PowRegistry.Core.Countries;
using PowRegistry.Core.Data;

namespace PowRegistry.Core.Prisoners;

/// <summary>The register: registering, changing and finding prisoners. Pages, importers and the API all come through here.</summary>
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
        if (prisoner is not null) await db.RecordAccessAsync(nameof(Prisoner), id.ToString(System.Globalization.CultureInfo.InvariantCulture), id, ct);
        return prisoner;
    }

    public async Task<PrisonerInput?> GetForEditAsync(int id, CancellationToken ct)
    {
        var prisoner = await db.Prisoners.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        return prisoner is null ? null : PrisonerInput.From(prisoner);
    }

    public async Task<ServiceResult<Prisoner>> CreateAsync(PrisonerInput input, Actor actor, CancellationToken ct)
    {
        var (refused, deskId) = await CheckRegistrationAsync(input, await DesksAsync(ct), ct);
        if (refused is not null) return refused;
        if (!input.DuplicatesChecked && await duplicates.FindAsync(input, exceptId: null, ct) is { Count: > 0 }) return DuplicateWarning();

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var saved = await AddRegisteredAsync(input, deskId, actor, ct);
        if (!saved.Succeeded) return saved;
        await transaction.CommitAsync(ct);

        logger.LogInformation("Prisoner {PrisonerId} registered by {UserId}", saved.Value!.Id, actor.UserId);
        return saved;
    }

    /// <summary>
    /// The checks of a registration without saving (the validator, the unique service number, the desk): what an import
    /// preview shows for each row, in the order of <paramref name="inputs"/>. Possible duplicates are asked separately
    /// (<see cref="PossibleDuplicatesAsync"/>). The desks are read once for all.
    /// </summary>
    public async Task<IReadOnlyList<IReadOnlyList<Refusal>>> CheckNewAsync(IReadOnlyList<PrisonerInput> inputs, CancellationToken ct)
    {
        var desks = await DesksAsync(ct);
        var result = new List<IReadOnlyList<Refusal>>(inputs.Count);
        foreach (var input in inputs) result.Add((await CheckRegistrationAsync(input, desks, ct)).Refused?.Errors ?? []);
        return result;
    }

    /// <summary>
    /// Registers several prisoners in one transaction: all of them, or none. Each goes through exactly the checks of
    /// <see cref="CreateAsync"/> (validator, unique service number — also within the batch —, desk, duplicate warning)
    /// and each writes its own audit entries. One save per record plus one for all search
    /// terms (not two per record). Errors carry the index of the input they belong to.
    /// </summary>
    public async Task<BatchResult<Prisoner>> CreateManyAsync(IReadOnlyList<PrisonerInput> inputs, Actor actor, CancellationToken ct)
    {
        var errors = new List<BatchError>();
        var checkedInputs = new List<(PrisonerInput Input, int DeskId)>();
        var numbers = new HashSet<(string?, string)>();
        var desks = await DesksAsync(ct);
        for (var i = 0; i < inputs.Count; i++)
        {
            var input = inputs[i];
            var (refused, deskId) = await CheckRegistrationAsync(input, desks, ct);
            if (refused is null && Text.Clean(input.ServiceNumber) is { } number && !numbers.Add((Text.Clean(input.Nationality)?.ToUpperInvariant(), number)))
            {
                refused = ServiceNumberTaken(Text.Clean(input.Nationality)?.ToUpperInvariant());
            }
            if (refused is null && !input.DuplicatesChecked && await duplicates.FindAsync(input, exceptId: null, ct) is { Count: > 0 }) refused = DuplicateWarning();
            if (refused is not null) errors.AddRange(refused.Errors.Select(e => new BatchError(i, e)));
            else checkedInputs.Add((input, deskId));
        }
        if (errors.Count > 0) return new BatchResult<Prisoner>([], errors);

        var now = clock.GetUtcNow();
        var created = checkedInputs.Select(c => Prisoner.Register(c.Input, c.DeskId, actor, now, deadlines)).ToList();
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            // One insert at a time: a record takes its (unique) reference from its id, so each save also writes the
            // previous record's reference; the search terms of all go in the last save.
            ServiceResult<Prisoner>? failed = null;
            foreach (var prisoner in created)
            {
                db.Prisoners.Add(prisoner);
                if ((failed = await TrySaveAsync(ct)) is not null) break;
                prisoner.AssignReference();
            }
            if (failed is null)
            {
                foreach (var prisoner in created)
                {
                    db.PrisonerSearchTerms.AddRange(prisoner.SearchTerms().Select(t => new PrisonerSearchTerm(prisoner.Id, t.Kind, t.Term)));
                }
                failed = await TrySaveAsync(ct);
            }
            if (failed is null)
            {
                await transaction.CommitAsync(ct);
                foreach (var prisoner in created) logger.LogInformation("Prisoner {PrisonerId} registered by {UserId} (batch)", prisoner.Id, actor.UserId);
                return new BatchResult<Prisoner>(created, []);
            }
            await transaction.RollbackAsync(ct);
        }

        // Someone took a service number between the checks and the save: nothing was kept; say which rows.
        db.ChangeTracker.Clear();
        for (var i = 0; i < inputs.Count; i++)
        {
            if (await ServiceNumberTakenAsync(inputs[i], exceptId: null, ct) is { } taken) errors.AddRange(taken.Errors.Select(e => new BatchError(i, e)));
        }
        if (errors.Count == 0) errors.Add(new BatchError(0, Refusal.Invalid("The records could not be saved. Nothing was saved; try again.").On("")));
        return new BatchResult<Prisoner>([], errors);
    }

    /// <summary>The desks the user may register on: every desk for an administrator, else their own.</summary>
    private async Task<IReadOnlyList<int>> DesksAsync(CancellationToken ct) =>
        currentUser.IsAdministrator ? await db.Desks.Select(d => d.Id).ToListAsync(ct) : currentUser.DeskIds;

    private async Task<(ServiceResult<Prisoner>? Refused, int DeskId)> CheckRegistrationAsync(PrisonerInput input, IReadOnlyList<int> desks, CancellationToken ct)
    {
        var validation = await prisonerValidator.ValidateAsync(input, ct);
        if (!validation.IsValid) return (ServiceResult<Prisoner>.Failure(validation), 0);
        if (await ServiceNumberTakenAsync(input, exceptId: null, ct) is { } taken) return (taken, 0);
        var deskId = input.DeskId ?? (desks.Count == 1 ? desks[0] : null);
        if (deskId is null || !desks.Contains(deskId.Value))
        {
            return (ServiceResult<Prisoner>.Failure(nameof(PrisonerInput.DeskId),
                desks.Count == 0 ? "You belong to no desk yet: ask an administrator to add you to one." : "Choose one of your desks."), 0);
        }
        return (null, deskId.Value);
    }

    /// <summary>Adds and saves a checked registration inside the caller's transaction: the record, its reference, its search terms.</summary>
    private async Task<ServiceResult<Prisoner>> AddRegisteredAsync(PrisonerInput input, int deskId, Actor actor, CancellationToken ct)
    {
        var prisoner = Prisoner.Register(input, deskId, actor, clock.GetUtcNow(), deadlines);
        db.Prisoners.Add(prisoner);
        if (await TrySaveAsync(ct) is { } failed) return failed;
        prisoner.AssignReference();
        await ReplaceSearchTermsAsync(prisoner, ct);
        if (await TrySaveAsync(ct) is { } failedAgain) return failedAgain;
        return ServiceResult<Prisoner>.Success(prisoner);
    }

    public async Task<ServiceResult<Prisoner>> UpdateAsync(int id, PrisonerInput input, Actor actor, CancellationToken ct)
    {
        var prisoner = await db.Prisoners.Include(p => p.Aliases).Include(p => p.Documents).Include(p => p.Notifications).AsSplitQuery().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (prisoner is null) return ServiceResult<Prisoner>.NotFound();

        input.HasAliases = prisoner.Aliases.Count > 0;
        var validation = await prisonerValidator.ValidateAsync(input, ct);
        if (!validation.IsValid) return ServiceResult<Prisoner>.Failure(validation);
        if (await ServiceNumberTakenAsync(input, exceptId: id, ct) is { } taken) return taken;
        if (input.Version != prisoner.Version) return Conflict(prisoner, input);
        if (!input.DuplicatesChecked && IdentityChanged(prisoner, input) && await duplicates.FindAsync(input, exceptId: id, ct) is { Count: > 0 }) return DuplicateWarning();

        // The version the officer loaded is what the database must still hold when we write (checked again in SQL).
        db.Entry(prisoner).Property(p => p.Version).OriginalValue = input.Version;
        // An alias is added through the record's aliases: one sent with an edit would otherwise be dropped unsaid.
        if (!string.IsNullOrWhiteSpace(input.InitialAlias))
        {
            return ServiceResult<Prisoner>.Failure(nameof(PrisonerInput.InitialAlias), "Add an alias through the record's aliases: an edit of the record does not take one.");
        }
        if (input.DeskId is { } deskId && deskId != prisoner.DeskId)
        {
            // Refused, never ignored: a caller who asked for a move must not read success while the record stays put.
            if (!currentUser.IsAdministrator) return ServiceResult<Prisoner>.Failure(nameof(PrisonerInput.DeskId), "Only an administrator can move a record to another desk.");
            if (!await db.Desks.AnyAsync(d => d.Id == deskId, ct)) return ServiceResult<Prisoner>.Failure(nameof(PrisonerInput.DeskId), "Choose a desk from the list.");
            prisoner.MoveToDesk(deskId, actor, clock.GetUtcNow());
        }
        prisoner.Update(input, actor, clock.GetUtcNow(), deadlines);
        await ReplaceSearchTermsAsync(prisoner, ct);
        try
        {
            if (await TrySaveAsync(ct) is { } failed) return failed;
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

        var alias = prisoner.AddAlias(Text.Clean(input.Name)!, input.Source, input.Confidence, Text.Clean(input.Notes, multiline: true), actor, clock.GetUtcNow());
        await ReplaceSearchTermsAsync(prisoner, ct);
        if (await TrySaveAsync(ct) is { } failed) return ServiceResult<PrisonerAlias>.Failure(failed.Errors);
        logger.LogInformation("Alias {AliasId} added to prisoner {PrisonerId} by {UserId}", alias.Id, prisoner.Id, actor.UserId);
        return ServiceResult<PrisonerAlias>.Success(alias);
    }

    public async Task<ServiceResult<bool>> RemoveAliasAsync(int prisonerId, int aliasId, Actor actor, CancellationToken ct)
    {
        var prisoner = await db.Prisoners.Include(p => p.Aliases).Include(p => p.Documents).FirstOrDefaultAsync(p => p.Id == prisonerId, ct);
        if (prisoner is null || prisoner.Aliases.All(a => a.Id != aliasId)) return ServiceResult<bool>.NotFound();
        if (!prisoner.RemoveAlias(aliasId, actor, clock.GetUtcNow()))
        {
            return ServiceResult<bool>.Failure("", "This alias is the only name on the record: enter a family name first.");
        }
        await ReplaceSearchTermsAsync(prisoner, ct);
        if (await TrySaveAsync(ct) is { } failed) return ServiceResult<bool>.Failure(failed.Errors);
        logger.LogInformation("Alias {AliasId} removed from prisoner {PrisonerId} by {UserId}", aliasId, prisoner.Id, actor.UserId);
        return ServiceResult<bool>.Success(true);
    }

    public async Task<ServiceResult<IdentityDocument>> AddDocumentAsync(int prisonerId, IdentityDocumentInput input, Actor actor, CancellationToken ct)
    {
        var validation = await documentValidator.ValidateAsync(input, ct);
        if (!validation.IsValid) return ServiceResult<IdentityDocument>.Failure(validation);
        var prisoner = await db.Prisoners.Include(p => p.Aliases).Include(p => p.Documents).FirstOrDefaultAsync(p => p.Id == prisonerId, ct);
        if (prisoner is null) return ServiceResult<IdentityDocument>.NotFound();

        var document = prisoner.AddDocument(input, actor, clock.GetUtcNow());
        await ReplaceSearchTermsAsync(prisoner, ct);
        if (await TrySaveAsync(ct) is { } failed) return ServiceResult<IdentityDocument>.Failure(failed.Errors);
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
            return ServiceResult<CustodyEvent>.Failure(nameof(CustodyEventInput.Date), "The date cannot be before his date of birth.");
        }
        // While a request is open, the handover is recorded by completing it, where every safeguard is checked; a
        // repatriation or transfer entered by hand would put him beyond those checks (docs/safeguards.md).
        if (CustodyEvent.IsHandoverKind(input.Kind) && await db.TransferRequests.AnyAsync(r => r.PrisonerId == prisonerId
                && r.Status != Requests.RequestStatus.Completed && r.Status != Requests.RequestStatus.Refused && r.Status != Requests.RequestStatus.Withdrawn, ct))
        {
            return ServiceResult<CustodyEvent>.Failure(nameof(CustodyEventInput.Kind),
                "He has an open transfer or repatriation request: record the handover by completing that request, where the safeguards are checked, or withdraw it first.");
        }

        var custodyEvent = prisoner.AddCustodyEvent(input.Kind!.Value, DateOnly.Parse(input.Date!, System.Globalization.CultureInfo.InvariantCulture),
            input.Place, input.Details, actor, clock.GetUtcNow(), deadlines);
        if (await TrySaveAsync(ct) is { } failed) return ServiceResult<CustodyEvent>.Failure(failed.Errors);
        logger.LogInformation("Custody event {EventId} ({Kind}) added to prisoner {PrisonerId} by {UserId}", custodyEvent.Id, custodyEvent.Kind, prisoner.Id, actor.UserId);
        return ServiceResult<CustodyEvent>.Success(custodyEvent);
    }

    /// <summary>Where a merged record went (for old links); null when the id was never merged or is not visible.</summary>
    public async Task<int?> MergedIntoAsync(int id, CancellationToken ct)
    {
        var survivor = await db.Prisoners.IgnoreQueryFilters().Where(p => p.Id == id).Select(p => p.MergedIntoId).FirstOrDefaultAsync(ct);
        return survivor is { } survivorId && await db.Prisoners.AnyAsync(p => p.Id == survivorId, ct) ? survivorId : null;
    }

    public async Task<IReadOnlyList<PrisonerMerge>> MergesIntoAsync(int survivorId, CancellationToken ct) =>
        await db.PrisonerMerges.AsNoTracking().Where(m => m.SurvivorId == survivorId).OrderBy(m => m.Id).ToListAsync(ct);

    /// <summary>
    /// Administrators merge a duplicate record of the same man into a surviving one. Everything of the duplicate
    /// moves over; the duplicate disappears from the register, and the merge is shown on the survivor.
    /// </summary>
    public async Task<ServiceResult<Prisoner>> MergeAsync(int survivorId, string? duplicateReference, string? reason, Actor actor, CancellationToken ct)
    {
        if (!currentUser.IsAdministrator) return ServiceResult<Prisoner>.NotFound();
        var survivor = await WithEverythingAsync(db.Prisoners).FirstOrDefaultAsync(p => p.Id == survivorId, ct);
        if (survivor is null) return ServiceResult<Prisoner>.NotFound();

        var reference = Text.Clean(duplicateReference)?.ToUpperInvariant();
        var duplicate = reference is null ? null : await WithEverythingAsync(db.Prisoners).FirstOrDefaultAsync(p => p.Reference == reference, ct);
        if (duplicate is null) return ServiceResult<Prisoner>.Failure("DuplicateReference", "No record has this reference.");
        if (duplicate.Id == survivor.Id) return ServiceResult<Prisoner>.Failure("DuplicateReference", "That is this record: enter the reference of the other one.");
        var why = Text.Clean(reason, multiline: true);
        if (why is null) return ServiceResult<Prisoner>.Failure("Reason", "Say why these records are the same man (e.g. matching service number and photograph).");
        if (why.Length > Limits.LongText) return ServiceResult<Prisoner>.Failure("Reason", $"Keep this under {Limits.LongText} characters.");

        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var number = duplicate.ServiceNumber;
        survivor.Absorb(duplicate, actor, now);
        db.PrisonerMerges.Add(new PrisonerMerge(survivor.Id, duplicate.Id, duplicate.Reference, why, actor.UserId, now));
        db.PrisonerSearchTerms.RemoveRange(await db.PrisonerSearchTerms.Where(t => t.PrisonerId == duplicate.Id).ToListAsync(ct));
        await db.SaveChangesAsync(ct); // frees the duplicate's service number before the survivor may take it
        if (survivor.ServiceNumber is null && number is not null && survivor.NationalityCode == duplicate.NationalityCode)
        {
            survivor.TakeServiceNumber(number, actor, now);
        }
        var wishes = await db.WishDeclarations.Where(w => w.PrisonerId == duplicate.Id || w.PrisonerId == survivor.Id).ToListAsync(ct);
        foreach (var wish in wishes.Where(w => w.PrisonerId == duplicate.Id)) wish.MoveTo(survivor.Id);
        foreach (var request in await db.TransferRequests.Where(r => r.PrisonerId == duplicate.Id).ToListAsync(ct)) request.MoveTo(survivor.Id);
        survivor.SetCurrentWish(Wishes.WishDeclaration.Current(wishes));
        duplicate.SetCurrentWish(null);
        await ReplaceSearchTermsAsync(survivor, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);

        logger.LogInformation("Prisoner {MergedId} merged into {PrisonerId} by {UserId}", duplicate.Id, survivor.Id, actor.UserId);
        return ServiceResult<Prisoner>.Success(survivor);
    }

    private static IQueryable<Prisoner> WithEverythingAsync(IQueryable<Prisoner> prisoners) =>
        prisoners.Include(p => p.Aliases).Include(p => p.Documents).Include(p => p.CustodyEvents).Include(p => p.Notifications).AsSplitQuery();

    /// <summary>One page of the register in one query: filters, word-by-word prefix search, keyset paging.</summary>
    public async Task<RegisterPage> ListAsync(RegisterQuery query, CancellationToken ct)
    {
        var pageSize = Math.Clamp(query.PageSize, 1, 200);
        var prisoners = db.Prisoners.AsNoTracking();

        if (query.Status is { } status) prisoners = prisoners.Where(p => p.CustodyStatus == status);
        if (Text.Clean(query.Nationality)?.ToUpperInvariant() is { } nationality) prisoners = prisoners.Where(p => p.NationalityCode == nationality);
        if (Text.Clean(query.DetainingPower)?.ToUpperInvariant() is { } detainingPower) prisoners = prisoners.Where(p => p.DetainingPowerCode == detainingPower);
        if (query.Wish is { } wish) prisoners = prisoners.Where(p => p.CurrentWish == wish);
        if (Text.Clean(query.WishState)?.ToUpperInvariant() is { } wishState) prisoners = prisoners.Where(p => p.CurrentWishStateCode == wishState);
        if (query.Verification is { } verification) prisoners = prisoners.Where(p => p.CurrentWishVerification == verification);

        // The need-to-know filter reads "sees all desks OR desk in (…)", which SQLite cannot use an index for;
        // saying the desk test again on its own lets it use (DeskId, Id). Same rows, faster plan.
        if (!currentUser.SeesAllDesks)
        {
            var deskIds = currentUser.DeskIds;
            prisoners = prisoners.Where(p => deskIds.Contains(p.DeskId));
        }

        var search = RegisterSearch.For(db, query.Search);
        if (search is not null) prisoners = prisoners.Where(p => search.Matching.Contains(p.Id));
        var exact = search?.Exact ?? db.PrisonerSearchTerms.Where(t => false).Select(t => t.PrisonerId);
        var sort = query.Sort == RegisterSort.Relevance && search is null ? RegisterSort.Reference : query.Sort;

        Expression<Func<Prisoner, string>> key = sort switch
        {
            RegisterSort.Name => p => p.SortName,
            RegisterSort.DateOfCapture => p => p.CaptureSortKey,
            // Exact matches of what was typed first ("0…"), then other spellings and scripts ("1…"), each by reference.
            RegisterSort.Relevance => p => (exact.Contains(p.Id) ? "0" : "1") + p.Reference,
            _ => p => p.Reference,
        };
        Expression<Func<Prisoner, int>> id = p => p.Id;

        var after = RegisterCursor.Decode(query.After);
        var before = after is null ? RegisterCursor.Decode(query.Before) : null;
        var backwards = before is not null;
        IOrderedQueryable<Prisoner> ordered;
        if (sort == RegisterSort.Reference)
        {
            // References are issued in id order, so the id alone orders them, and every (filter, Id) index serves it.
            if (after is not null) prisoners = Keyset.SeekById(prisoners, query.Descending, forward: true, after.Id);
            if (before is not null) prisoners = Keyset.SeekById(prisoners, query.Descending, forward: false, before.Id);
            ordered = query.Descending != backwards ? prisoners.OrderByDescending(p => p.Id) : prisoners.OrderBy(p => p.Id);
        }
        else
        {
            if (after is not null) prisoners = Keyset.Seek(prisoners, key, id, query.Descending, forward: true, after.Key, after.Id);
            if (before is not null) prisoners = Keyset.Seek(prisoners, key, id, query.Descending, forward: false, before.Key, before.Id);
            ordered = Keyset.Order(prisoners, key, id, descending: query.Descending != backwards);
        }
        var fetched = await ordered
            .Take(pageSize + 1)
            .Select(p => new
            {
                SortKey = sort == RegisterSort.Name ? p.SortName
                    : sort == RegisterSort.DateOfCapture ? p.CaptureSortKey
                    : sort == RegisterSort.Relevance ? (exact.Contains(p.Id) ? "0" : "1") + p.Reference
                    : p.Reference,
                Row = new RegisterRow(p.Id, p.Reference, p.FamilyName, p.GivenNames,
                    p.Aliases.OrderBy(a => a.Id).Select(a => a.Name).FirstOrDefault(),
                    p.Rank, p.ServiceNumber, p.NationalityCode, p.DetainingPowerCode, p.DateOfCapture, p.CustodyStatus,
                    p.CurrentWish, p.CurrentWishStateCode, p.CurrentWishVerification, p.CurrentWishCertainty),
            })
            .ToListAsync(ct);

        var more = fetched.Count > pageSize;
        var page = fetched.Take(pageSize).ToList();
        if (backwards) page.Reverse();

        string? Cursor(int index) => new RegisterCursor(page[index].SortKey, page[index].Row.Id).Encode();
        var hasNext = backwards || more;
        var hasPrevious = backwards ? more : after is not null;
        return new RegisterPage(
            page.Select(x => x.Row).ToList(),
            hasPrevious && page.Count > 0 ? Cursor(0) : null,
            hasNext && page.Count > 0 ? Cursor(page.Count - 1) : null);
    }

    /// <summary>True when records exist whose search terms predate the name keys (a database from before they came).</summary>
    public async Task<bool> SearchIndexNeedsRebuildAsync(CancellationToken ct) =>
        await db.Prisoners.IgnoreQueryFilters().AnyAsync(ct)
        && !await db.PrisonerSearchTerms.AnyAsync(t => t.Kind == SearchTermKind.NameKey, ct);

    /// <summary>Recomputes every record's search terms, in batches (after a change in how terms are made).</summary>
    public async Task<int> RebuildSearchIndexAsync(CancellationToken ct)
    {
        int count = 0, lastId = 0;
        while (true)
        {
            var batch = await db.Prisoners.IgnoreQueryFilters().Include(p => p.Aliases).Include(p => p.Documents).AsSplitQuery()
                .Where(p => p.Id > lastId).OrderBy(p => p.Id).Take(500).ToListAsync(ct);
            if (batch.Count == 0) break;
            var ids = batch.Select(p => p.Id).ToList();
            await db.PrisonerSearchTerms.Where(t => ids.Contains(t.PrisonerId)).ExecuteDeleteAsync(ct);
            foreach (var prisoner in batch)
            {
                db.PrisonerSearchTerms.AddRange(prisoner.SearchTerms().Select(t => new PrisonerSearchTerm(prisoner.Id, t.Kind, t.Term)));
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            lastId = ids[^1];
            count += batch.Count;
        }
        logger.LogInformation("Search index rebuilt for {Count} records", count);
        return count;
    }

    private async Task ReplaceSearchTermsAsync(Prisoner prisoner, CancellationToken ct)
    {
        if (prisoner.Id != 0)
        {
            var existing = await db.PrisonerSearchTerms.Where(t => t.PrisonerId == prisoner.Id).ToListAsync(ct);
            db.PrisonerSearchTerms.RemoveRange(existing);
        }
        db.PrisonerSearchTerms.AddRange(prisoner.SearchTerms().Select(t => new PrisonerSearchTerm(prisoner.Id, t.Kind, t.Term)));
    }

    private async Task<ServiceResult<Prisoner>?> ServiceNumberTakenAsync(PrisonerInput input, int? exceptId, CancellationToken ct)
    {
        var number = Text.Clean(input.ServiceNumber);
        var nationality = Text.Clean(input.Nationality)?.ToUpperInvariant();
        if (number is null || nationality is null) return null;
        // Across all desks: the number is unique whoever owns the other record (the message names no record).
        var taken = await db.Prisoners.IgnoreQueryFilters().AnyAsync(p => p.NationalityCode == nationality && p.ServiceNumber == number && p.Id != exceptId, ct);
        return taken ? ServiceNumberTaken(nationality) : null;
    }

    private static ServiceResult<Prisoner> ServiceNumberTaken(string? nationality) =>
        ServiceResult<Prisoner>.Failure(nameof(PrisonerInput.ServiceNumber),
            $"Another prisoner of {CountryList.NameOf(nationality)} nationality already has this service number.");

    /// <summary>Saves; turns a unique-constraint race (two officers registering the same service number at once) into a message.</summary>
    private async Task<ServiceResult<Prisoner>?> TrySaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e, nameof(Prisoner.ServiceNumber)))
        {
            db.ChangeTracker.Clear();
            return ServiceNumberTaken(null);
        }
    }

    public const string DuplicatesField = nameof(PrisonerInput.DuplicatesChecked);

    /// <summary>Possible duplicates found: nothing is saved until the officer has looked and confirms (the page lists them).</summary>
    private static ServiceResult<Prisoner> DuplicateWarning() =>
        ServiceResult<Prisoner>.Failure(DuplicatesField, "This may be a man already on the register. Check the records listed; if he is a different man, tick the box and save again.");

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
            Refusal.Conflict("Someone else saved this record while you were editing it. Nothing of yours was saved. " +
                    "The fields that now differ are marked; check them, then save again to keep your version."),
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
                errors.Add(Refusal.Conflict($"Now saved as “{(theirs.Length == 0 ? "(empty)" : theirs)}”.").On(property.Name));
            }
        }
        return ServiceResult<Prisoner>.Conflict(errors, current.Version);
    }
}
