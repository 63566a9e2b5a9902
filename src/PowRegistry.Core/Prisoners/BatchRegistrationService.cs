using FluentValidation;

using Microsoft.Extensions.Logging;

using PowRegistry.Core.Common;
using PowRegistry.Core.Data;

namespace PowRegistry.Core.Prisoners;

/// <summary>Registering many prisoners at once (the CSV import): the checks of each row, then all rows or none.</summary>
public sealed class BatchRegistrationService(
    PowRegistryDbContext db,
    CurrentUser currentUser,
    TimeProvider clock,
    IValidator<PrisonerInput> prisonerValidator,
    PossibleDuplicates duplicates,
    Notifications.NotificationOptions deadlines,
    ILogger<BatchRegistrationService> logger)
{
    /// <summary>
    /// The checks of a registration without saving (the validator, the unique service number, the desk): what an import
    /// preview shows for each row, in the order of <paramref name="inputs"/>. Possible duplicates are asked separately
    /// (<see cref="PossibleDuplicates.FindAsync"/>). The desks are read once for all.
    /// </summary>
    public async Task<IReadOnlyList<IReadOnlyList<Refusal>>> CheckNewAsync(IReadOnlyList<PrisonerInput> inputs, CancellationToken ct)
    {
        var desks = await RegistrationChecks.DesksAsync(db, currentUser, ct);
        var result = new List<IReadOnlyList<Refusal>>(inputs.Count);
        foreach (var input in inputs) result.Add((await RegistrationChecks.CheckAsync(db, prisonerValidator, input, desks, ct)).Refused?.Errors ?? []);
        return result;
    }

    /// <summary>
    /// Registers several prisoners in one transaction: all of them, or none. Each goes through exactly the checks of
    /// <see cref="PrisonerService.CreateAsync"/> (validator, unique service number — also within the batch —, desk, duplicate warning)
    /// and each writes its own audit entries and search terms. One save per record plus one for the last reference
    /// (not two per record). Errors carry the index of the input they belong to.
    /// </summary>
    public async Task<BatchResult<Prisoner>> CreateManyAsync(IReadOnlyList<PrisonerInput> inputs, Actor actor, CancellationToken ct)
    {
        var errors = new List<BatchError>();
        var checkedInputs = new List<(PrisonerInput Input, int DeskId)>();
        var numbers = new HashSet<(string?, string)>();
        var desks = await RegistrationChecks.DesksAsync(db, currentUser, ct);
        for (var i = 0; i < inputs.Count; i++)
        {
            var input = inputs[i];
            var (refused, deskId) = await RegistrationChecks.CheckAsync(db, prisonerValidator, input, desks, ct);
            if (refused is null && Text.Clean(input.ServiceNumber) is { } number && !numbers.Add((Text.Clean(input.Nationality)?.ToUpperInvariant(), number)))
            {
                refused = RegistrationChecks.ServiceNumberTaken(Text.Clean(input.Nationality)?.ToUpperInvariant());
            }
            if (refused is null && !input.DuplicatesChecked && await duplicates.FindAsync(input, exceptId: null, ct) is { Count: > 0 }) refused = RegistrationChecks.DuplicateWarning();
            if (refused is not null) errors.AddRange(refused.Errors.Select(e => new BatchError(i, e)));
            else checkedInputs.Add((input, deskId));
        }
        if (errors.Count > 0) return new BatchResult<Prisoner>([], errors);

        var now = clock.GetUtcNow();
        var created = checkedInputs.Select(c => Prisoner.Register(PrisonerDetails.From(c.Input), c.Input.InitialAlias, c.Input.InitialAliasSource, c.DeskId, actor, now, deadlines)).ToList();
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            // One insert at a time: a record takes its (unique) reference from its id, so each save also writes the
            // previous record's reference; the last save writes the last one's.
            ServiceResult<Prisoner>? failed = null;
            foreach (var prisoner in created)
            {
                db.Prisoners.Add(prisoner);
                if ((failed = await RegistrationChecks.TrySaveAsync(db, ct)) is not null) break;
                prisoner.AssignReference();
            }
            if (failed is null) failed = await RegistrationChecks.TrySaveAsync(db, ct);
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
            if (await RegistrationChecks.ServiceNumberTakenAsync(db, inputs[i], exceptId: null, ct) is { } taken) errors.AddRange(taken.Errors.Select(e => new BatchError(i, e)));
        }
        if (errors.Count == 0) errors.Add(new BatchError(0, Refusal.Invalid("Import.SaveFailed")));
        return new BatchResult<Prisoner>([], errors);
    }
}
