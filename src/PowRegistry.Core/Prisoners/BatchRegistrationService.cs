using FluentValidation;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

using PowRegistry.Core.Common;
using PowRegistry.Core.Data;
using PowRegistry.Core.Data.Sqlite;

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
    /// The checks of a registration without saving (the validator, the unique service number, the desk): what an import
    /// preview shows for each row, in the order of <paramref name="inputs"/>. Possible duplicates are asked separately
    /// (<see cref="PossibleDuplicates.FindManyAsync"/>). The desks and the service numbers taken are read once for all.
    /// </summary>
    public async Task<IReadOnlyList<IReadOnlyList<Refusal>>> CheckNewAsync(IReadOnlyList<PrisonerInput> inputs, CancellationToken ct,
        IProgress<int>? checkedRows = null)
    {
        var desks = await RegistrationChecks.DesksAsync(db, currentUser, ct);
        var taken = await RegistrationChecks.TakenServiceNumbersAsync(db, inputs, ct);
        var result = new List<IReadOnlyList<Refusal>>(inputs.Count);
        foreach (var input in inputs)
        {
            result.Add((await RegistrationChecks.CheckAsync(prisonerValidator, input, desks, taken, ct)).Refused?.Errors ?? []);
            if (result.Count % ProgressStep == 0) checkedRows?.Report(result.Count);
        }
        checkedRows?.Report(result.Count);
        return result;
    }

    private const int ProgressStep = 1000;

    /// <summary>
    /// Registers several prisoners. Each goes through exactly the checks of <see cref="PrisonerService.CreateAsync"/>
    /// (validator, unique service number — also within the batch —, desk, duplicate warning), all before anything is
    /// saved: one refused row and nothing is saved. Then the records are saved in chunks of <see cref="ChunkSize"/>, each
    /// chunk in its own transaction with its audit entries, search terms and notifications owed. The ids (and so the
    /// references) of a chunk are reserved under its write lock, so a chunk is one save, not one per record.
    /// If a chunk fails (someone took a service number since the checks), that chunk is rolled back and the chunks
    /// before it stay: <see cref="BatchResult{T}.Created"/> lists them, and the errors name the failing rows.
    /// Errors carry the index of the input they belong to; <paramref name="savedRows"/> hears the count saved so far.
    /// </summary>
    public async Task<BatchResult<Prisoner>> CreateManyAsync(IReadOnlyList<PrisonerInput> inputs, Actor actor, CancellationToken ct,
        IProgress<int>? savedRows = null)
    {
        var errors = new List<BatchError>();
        var checkedInputs = new List<(int Index, PrisonerInput Input, int DeskId)>();
        var numbers = new HashSet<(string?, string)>();
        var desks = await RegistrationChecks.DesksAsync(db, currentUser, ct);
        var taken = await RegistrationChecks.TakenServiceNumbersAsync(db, inputs, ct);
        var toSearch = inputs.Where(i => !i.DuplicatesChecked).ToList();
        var found = toSearch.Count == 0 ? [] : await duplicates.FindManyAsync(toSearch, ct);
        var withDuplicates = toSearch.Where((_, i) => found[i].Count > 0).ToHashSet(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < inputs.Count; i++)
        {
            var input = inputs[i];
            var (refused, deskId) = await RegistrationChecks.CheckAsync(prisonerValidator, input, desks, taken, ct);
            if (refused is null && Text.Clean(input.ServiceNumber) is { } number && !numbers.Add((Text.Clean(input.Nationality)?.ToUpperInvariant(), number)))
            {
                refused = RegistrationChecks.ServiceNumberTaken(Text.Clean(input.Nationality)?.ToUpperInvariant());
            }
            if (refused is null && withDuplicates.Contains(input)) refused = RegistrationChecks.DuplicateWarning();
            if (refused is not null) errors.AddRange(refused.Errors.Select(e => new BatchError(i, e)));
            else checkedInputs.Add((i, input, deskId));
        }
        if (errors.Count > 0) return new BatchResult<Prisoner>([], errors);

        var now = clock.GetUtcNow();
        var created = new List<Prisoner>(checkedInputs.Count);
        var detect = db.ChangeTracker.AutoDetectChangesEnabled;
        // Nothing tracked is changed after it is added: scanning every tracked entity on each call would only cost time.
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            foreach (var chunk in checkedInputs.Chunk(Math.Max(1, ChunkSize)))
            {
                var prisoners = chunk.Select(c => Prisoner.Register(PrisonerDetails.From(c.Input), c.Input.InitialAlias, c.Input.InitialAliasSource, c.DeskId, actor, now, deadlines)).ToList();
                ServiceResult<Prisoner>? failed;
                await using (var transaction = await db.Database.BeginTransactionAsync(ct))
                {
                    var nextId = await IdReservation.NextPrisonerIdAsync(db, ct);
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
                if (failed is not null) return await FailedChunkAsync(inputs, chunk.Select(c => c.Index).ToList(), created, ct);
                created.AddRange(prisoners);
                logger.LogInformation("Prisoners {FirstId} to {LastId} registered by {UserId} (batch)", prisoners[0].Id, prisoners[^1].Id, actor.UserId);
                savedRows?.Report(created.Count);
            }
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detect;
        }
        return new BatchResult<Prisoner>(created, []);
    }

    /// <summary>Someone took a service number between the checks and the save: the chunk was rolled back; say which rows.</summary>
    private async Task<BatchResult<Prisoner>> FailedChunkAsync(IReadOnlyList<PrisonerInput> inputs, List<int> chunk, List<Prisoner> created, CancellationToken ct)
    {
        var errors = new List<BatchError>();
        var taken = await RegistrationChecks.TakenServiceNumbersAsync(db, chunk.Select(i => inputs[i]).ToList(), ct);
        foreach (var i in chunk)
        {
            if (RegistrationChecks.ServiceNumberTaken(inputs[i], taken) is { } refused) errors.AddRange(refused.Errors.Select(e => new BatchError(i, e)));
        }
        if (errors.Count == 0) errors.Add(new BatchError(chunk[0], Refusal.Invalid("Import.SaveFailed")));
        return new BatchResult<Prisoner>(created, errors);
    }
}
