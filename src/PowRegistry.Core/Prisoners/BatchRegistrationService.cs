using FluentValidation;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

using PowRegistry.Core.Common;
using PowRegistry.Core.Data;

namespace PowRegistry.Core.Prisoners;

/// <summary>
/// Registering many prisoners at once (the CSV import): the checks of every row first, then the rows saved in chunks,
/// each chunk its own transaction (ADR-017), so that other officers can write between chunks.
/// </summary>
public sealed class BatchRegistrationService(
    PowRegistryDbContext db,
    CurrentUser currentUser,
    TimeProvider clock,
    IValidator<PrisonerInput> prisonerValidator,
    PossibleDuplicates duplicates,
    Notifications.NotificationOptions deadlines,
    ILogger<BatchRegistrationService> logger)
{
    /// <summary>Records per transaction: large enough that a save's fixed costs vanish, small enough that other writers wait well under a second.</summary>
    public const int DefaultChunkSize = 1000;

    /// <summary>Records per transaction (tests make it small to cross chunk boundaries with few rows).</summary>
    public int ChunkSize { get; set; } = DefaultChunkSize;

    /// <summary>
    /// The checks of a registration without saving (the validator, the unique service number on the register, the desk):
    /// what an import preview shows for each row, in the order of <paramref name="inputs"/>. Possible duplicates are
    /// asked separately (<see cref="PossibleDuplicates.FindManyAsync"/>), and so are service numbers repeated within the
    /// batch. The desks and the service numbers taken are read once for all. The rows that pass can then be saved
    /// without checking again (<see cref="SaveCheckedAsync"/>).
    /// </summary>
    public async Task<CheckedBatch> CheckNewAsync(IReadOnlyList<PrisonerInput> inputs, CancellationToken ct, IProgress<int>? checkedRows = null)
    {
        var desks = await RegistrationChecks.DesksAsync(db, currentUser, ct);
        var taken = await RegistrationChecks.TakenServiceNumbersAsync(db, inputs, ct);
        var refusals = new List<IReadOnlyList<Refusal>>(inputs.Count);
        var deskIds = new List<int>(inputs.Count);
        foreach (var input in inputs)
        {
            var (refused, deskId) = await RegistrationChecks.CheckAsync(prisonerValidator, input, desks, taken, ct);
            refusals.Add(refused?.Errors ?? []);
            deskIds.Add(deskId);
            if (refusals.Count % ProgressStep == 0) checkedRows?.Report(refusals.Count);
        }
        checkedRows?.Report(refusals.Count);
        return new CheckedBatch(inputs, refusals, deskIds);
    }

    private const int ProgressStep = 1000;

    /// <summary>
    /// Registers several prisoners. Each goes through exactly the checks of <see cref="PrisonerService.CreateAsync"/>
    /// (validator, unique service number — also within the batch —, desk, duplicate warning), all before anything is
    /// saved: one refused row and nothing is saved. Then the records are saved as <see cref="SaveCheckedAsync"/> says.
    /// Errors carry the index of the input they belong to; <paramref name="savedRows"/> hears the count saved so far.
    /// </summary>
    public async Task<BatchResult<RegisteredPrisoner>> CreateManyAsync(IReadOnlyList<PrisonerInput> inputs, Actor actor, CancellationToken ct,
        IProgress<int>? savedRows = null)
    {
        var batch = await CheckNewAsync(inputs, ct);
        var toSearch = inputs.Where((input, i) => batch.Refusals[i].Count == 0 && !input.DuplicatesChecked).ToList();
        var found = toSearch.Count == 0 ? [] : await duplicates.FindManyAsync(toSearch, ct);
        var withDuplicates = toSearch.Where((_, i) => found[i].Count > 0).ToHashSet(ReferenceEqualityComparer.Instance);
        var passed = Enumerable.Range(0, inputs.Count).Where(i => batch.Refusals[i].Count == 0).ToList();
        var sameNumber = SameNumberWithinBatch(batch, passed).ToLookup(e => e.Index, e => e.Error);
        var errors = new List<BatchError>();
        for (var i = 0; i < inputs.Count; i++)
        {
            var refused = batch.Refusals[i];
            if (refused.Count == 0 && sameNumber.Contains(i)) refused = sameNumber[i].ToList();
            else if (refused.Count == 0 && withDuplicates.Contains(inputs[i])) refused = RegistrationChecks.DuplicateWarning().Errors;
            errors.AddRange(refused.Select(e => new BatchError(i, e)));
        }
        if (errors.Count > 0) return new BatchResult<RegisteredPrisoner>([], errors);
        return await SaveAsync(batch, passed, actor, ct, savedRows);
    }

    /// <summary>
    /// Saves the rows of <paramref name="batch"/> at <paramref name="rows"/> (indexes into its inputs), which passed its
    /// checks, without running them again; the caller has dealt with possible duplicates (an import shows them in its
    /// preview). A service number repeated within the rows is still refused, and nothing saved. The records are saved in
    /// chunks of <see cref="ChunkSize"/>, each chunk in its own transaction with its audit entries, search terms,
    /// notifications owed and counts (the DbContext's ordinary save). The ids (and so the references) of a chunk are
    /// reserved under its write lock, so a chunk is one save, not one per record. If a chunk fails (someone took a
    /// service number since the checks), that chunk is rolled back and the chunks before it stay:
    /// <see cref="BatchResult{T}.Created"/> lists them, and the errors name the failing rows (indexes into the batch).
    /// </summary>
    public async Task<BatchResult<RegisteredPrisoner>> SaveCheckedAsync(CheckedBatch batch, IReadOnlyList<int> rows, Actor actor, CancellationToken ct,
        IProgress<int>? savedRows = null)
    {
        if (rows.Any(i => batch.Refusals[i].Count > 0)) throw new ArgumentException("Only rows that passed the checks can be saved.", nameof(rows));
        var errors = SameNumberWithinBatch(batch, rows).ToList();
        if (errors.Count > 0) return new BatchResult<RegisteredPrisoner>([], errors);
        return await SaveAsync(batch, rows, actor, ct, savedRows);
    }

    /// <summary>A later row with the service number of an earlier one (same nationality) is refused, as the register's unique index would.</summary>
    private static IEnumerable<BatchError> SameNumberWithinBatch(CheckedBatch batch, IReadOnlyList<int> rows)
    {
        var numbers = new HashSet<(string?, string)>();
        foreach (var i in rows)
        {
            var input = batch.Inputs[i];
            var nationality = Text.Clean(input.Nationality)?.ToUpperInvariant();
            if (Text.Clean(input.ServiceNumber) is { } number && !numbers.Add((nationality, number)))
            {
                foreach (var e in RegistrationChecks.ServiceNumberTaken(nationality).Errors) yield return new BatchError(i, e);
            }
        }
    }

    private async Task<BatchResult<RegisteredPrisoner>> SaveAsync(CheckedBatch batch, IReadOnlyList<int> rows, Actor actor, CancellationToken ct, IProgress<int>? savedRows)
    {
        var now = clock.GetUtcNow();
        var created = new List<RegisteredPrisoner>(rows.Count); // ids and references only: each chunk's records are let go once saved
        using var names = Names.NameKeyMemo.Open(); // a file repeats names: each one's search keys are worked out once
        await using var connection = await DatabaseSetup.OpenForBatchAsync(db, ct);
        var detect = db.ChangeTracker.AutoDetectChangesEnabled;
        // Nothing tracked is changed after it is added: scanning every tracked entity on each call would only cost time.
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            foreach (var chunk in rows.Chunk(Math.Max(1, ChunkSize)))
            {
                var prisoners = chunk.Select(i => Prisoner.Register(PrisonerDetails.From(batch.Inputs[i]), batch.Inputs[i].InitialAlias, batch.Inputs[i].InitialAliasSource,
                    batch.DeskIds[i], actor, now, deadlines)).ToList();
                ServiceResult<Prisoner>? failed;
                await using (var transaction = await db.Database.BeginTransactionAsync(ct))
                {
                    var nextId = await IdReservation.ReservePrisonerIdsAsync(db, prisoners.Count, ct);
                    foreach (var prisoner in prisoners)
                    {
                        prisoner.TakeReservedId(nextId++);
                        db.Prisoners.Add(prisoner);
                    }
                    failed = await RegistrationChecks.TrySaveAsync(db, ct);
                    if (failed is null) await transaction.CommitAsync(ct);
                    else await transaction.RollbackAsync(ct);
                }
                db.ChangeTracker.Clear(); // the next chunk starts from an empty tracker: saves stay as cheap as the first
                if (failed is not null) return await FailedChunkAsync(batch.Inputs, chunk, created, ct);
                created.AddRange(prisoners.Select(p => new RegisteredPrisoner(p.Id, p.Reference)));
                logger.LogInformation("Prisoners {FirstId} to {LastId} registered by {UserId} (batch)", prisoners[0].Id, prisoners[^1].Id, actor.UserId);
                savedRows?.Report(created.Count);
            }
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detect;
        }
        return new BatchResult<RegisteredPrisoner>(created, []);
    }

    /// <summary>Someone took a service number between the checks and the save: the chunk was rolled back; say which rows.</summary>
    private async Task<BatchResult<RegisteredPrisoner>> FailedChunkAsync(IReadOnlyList<PrisonerInput> inputs, int[] chunk, List<RegisteredPrisoner> created, CancellationToken ct)
    {
        var errors = new List<BatchError>();
        var taken = await RegistrationChecks.TakenServiceNumbersAsync(db, chunk.Select(i => inputs[i]).ToList(), ct);
        foreach (var i in chunk)
        {
            if (RegistrationChecks.ServiceNumberTaken(inputs[i], taken) is { } refused) errors.AddRange(refused.Errors.Select(e => new BatchError(i, e)));
        }
        if (errors.Count == 0) errors.Add(new BatchError(chunk[0], Refusal.Invalid("Import.SaveFailed")));
        return new BatchResult<RegisteredPrisoner>(created, errors);
    }
}
