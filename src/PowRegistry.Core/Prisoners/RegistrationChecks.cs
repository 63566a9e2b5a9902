using FluentValidation;

using Microsoft.EntityFrameworkCore;

using PowRegistry.Core.Common;
using PowRegistry.Core.Countries;
using PowRegistry.Core.Data;

namespace PowRegistry.Core.Prisoners;

/// <summary>
/// The checks a registration passes whether it comes one at a time (<see cref="PrisonerService"/>) or in a batch
/// (<see cref="BatchRegistrationService"/>): the validator, the unique service number, the desk, the duplicate warning.
/// </summary>
internal static class RegistrationChecks
{
    /// <summary>The desks the user may register on: every desk for an administrator, else their own.</summary>
    public static async Task<IReadOnlyList<int>> DesksAsync(PowRegistryDbContext db, CurrentUser currentUser, CancellationToken ct) =>
        currentUser.IsAdministrator ? await db.Desks.Select(d => d.Id).ToListAsync(ct) : currentUser.DeskIds;

    public static async Task<(ServiceResult<Prisoner>? Refused, int DeskId)> CheckAsync(
        PowRegistryDbContext db, IValidator<PrisonerInput> validator, PrisonerInput input, IReadOnlyList<int> desks, CancellationToken ct)
    {
        var validation = await validator.ValidateAsync(input, ct);
        if (!validation.IsValid) return (ServiceResult<Prisoner>.Failure(validation), 0);
        if (await ServiceNumberTakenAsync(db, input, exceptId: null, ct) is { } taken) return (taken, 0);
        var deskId = input.DeskId ?? (desks.Count == 1 ? desks[0] : null);
        if (deskId is null || !desks.Contains(deskId.Value))
        {
            return (ServiceResult<Prisoner>.Failure(nameof(PrisonerInput.DeskId),
                desks.Count == 0 ? "Prisoner.Desk.NoneYet" : "Prisoner.Desk.ChooseYours"), 0);
        }
        return (null, deskId.Value);
    }

    /// <summary>
    /// The batch form of <see cref="CheckAsync(PowRegistryDbContext, IValidator{PrisonerInput}, PrisonerInput, IReadOnlyList{int}, CancellationToken)"/>:
    /// the same checks in the same order, with the service numbers already taken read once for the whole batch
    /// (<see cref="TakenServiceNumbersAsync"/>) instead of one query per row.
    /// </summary>
    public static async Task<(ServiceResult<Prisoner>? Refused, int DeskId)> CheckAsync(
        IValidator<PrisonerInput> validator, PrisonerInput input, IReadOnlyList<int> desks, IReadOnlySet<(string Nationality, string Number)> taken, CancellationToken ct)
    {
        var validation = await validator.ValidateAsync(input, ct);
        if (!validation.IsValid) return (ServiceResult<Prisoner>.Failure(validation), 0);
        if (ServiceNumberTaken(input, taken) is { } refused) return (refused, 0);
        var deskId = input.DeskId ?? (desks.Count == 1 ? desks[0] : null);
        if (deskId is null || !desks.Contains(deskId.Value))
        {
            return (ServiceResult<Prisoner>.Failure(nameof(PrisonerInput.DeskId),
                desks.Count == 0 ? "Prisoner.Desk.NoneYet" : "Prisoner.Desk.ChooseYours"), 0);
        }
        return (null, deskId.Value);
    }

    /// <summary>
    /// The (nationality, service number) pairs of the batch that the register already holds, across all desks as in
    /// <see cref="ServiceNumberTakenAsync"/>: one query per 5,000 numbers.
    /// </summary>
    public static async Task<IReadOnlySet<(string Nationality, string Number)>> TakenServiceNumbersAsync(PowRegistryDbContext db, IReadOnlyList<PrisonerInput> inputs, CancellationToken ct)
    {
        var taken = new HashSet<(string, string)>();
        var numbers = inputs.Where(i => Text.Clean(i.Nationality) is not null).Select(i => Text.Clean(i.ServiceNumber)).OfType<string>().Distinct().ToList();
        foreach (var chunk in numbers.Chunk(5000))
        {
            var found = await db.Prisoners.IgnoreQueryFilters().AsNoTracking()
                .Where(p => p.ServiceNumber != null && p.NationalityCode != null && EF.Parameter(chunk).Contains(p.ServiceNumber))
                .Select(p => new { p.NationalityCode, p.ServiceNumber })
                .ToListAsync(ct);
            foreach (var p in found) taken.Add((p.NationalityCode!, p.ServiceNumber!));
        }
        return taken;
    }

    public static ServiceResult<Prisoner>? ServiceNumberTaken(PrisonerInput input, IReadOnlySet<(string Nationality, string Number)> taken)
    {
        var number = Text.Clean(input.ServiceNumber);
        var nationality = Text.Clean(input.Nationality)?.ToUpperInvariant();
        if (number is null || nationality is null) return null;
        return taken.Contains((nationality, number)) ? ServiceNumberTaken(nationality) : null;
    }

    public static async Task<ServiceResult<Prisoner>?> ServiceNumberTakenAsync(PowRegistryDbContext db, PrisonerInput input, int? exceptId, CancellationToken ct)
    {
        var number = Text.Clean(input.ServiceNumber);
        var nationality = Text.Clean(input.Nationality)?.ToUpperInvariant();
        if (number is null || nationality is null) return null;
        // Across all desks: the number is unique whoever owns the other record (the message names no record).
        var taken = await db.Prisoners.IgnoreQueryFilters().AnyAsync(p => p.NationalityCode == nationality && p.ServiceNumber == number && p.Id != exceptId, ct);
        return taken ? ServiceNumberTaken(nationality) : null;
    }

    public static ServiceResult<Prisoner> ServiceNumberTaken(string? nationality) =>
        ServiceResult<Prisoner>.Failure(nameof(PrisonerInput.ServiceNumber),
            "Prisoner.ServiceNumber.Taken", CountryList.NameOf(nationality));

    /// <summary>Saves; turns a unique-constraint race (two officers registering the same service number at once) into a message.</summary>
    public static async Task<ServiceResult<Prisoner>?> TrySaveAsync(PowRegistryDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateException e) when (DatabaseSetup.IsUniqueViolation(e.InnerException, nameof(Prisoner.ServiceNumber)))
        {
            db.ChangeTracker.Clear();
            return ServiceNumberTaken(null);
        }
    }

    /// <summary>Possible duplicates found: nothing is saved until the officer has looked and confirms (the page lists them).</summary>
    public static ServiceResult<Prisoner> DuplicateWarning() =>
        ServiceResult<Prisoner>.Failure(PrisonerService.DuplicatesField, "Prisoner.Duplicates.Check");
}
