using System.ComponentModel.DataAnnotations;

using FluentValidation;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

using PowRegistry.Core.Common;
using PowRegistry.Core.Countries;
using PowRegistry.Core.Data;
using PowRegistry.Core.Prisoners;

namespace PowRegistry.Core.Consultations;

public sealed class ConsultationInput
{
    [Display(Name = "Title")] public string? Title { get; set; }
    [Display(Name = "Channel")] public ConsultationChannel? Channel { get; set; }
    [Display(Name = "Date (planned or held)")] public string? Date { get; set; }
    [Display(Name = "Our participants")] public string? Participants { get; set; }
    [Display(Name = "Subject")] public string? Subject { get; set; }
    [Display(Name = "Classification")] public string? Classification { get; set; }
    [Display(Name = "Positions conveyed")] public string? Positions { get; set; }
    [Display(Name = "Outcome")] public string? Outcome { get; set; }
    [Display(Name = "Next step")] public string? NextStep { get; set; }
    [Display(Name = "Counterparts")] public List<int> CounterpartIds { get; set; } = [];

    /// <summary>References (POW-…) of the prisoners it concerns, separated by spaces or commas; empty for general arrangements.</summary>
    [Display(Name = "Prisoners concerned (references)")] public string? PrisonerReferences { get; set; }
}

public sealed class ConsultationInputValidator : AbstractValidator<ConsultationInput>
{
    public ConsultationInputValidator()
    {
        RuleFor(x => x.Title).NotEmpty().WithMessage("Enter a title.").MaximumLength(Limits.ShortText).WithMessage($"Keep this under {Limits.ShortText} characters.");
        RuleFor(x => x.Channel).NotNull().WithMessage("Choose the channel.").IsInEnum().WithMessage("Choose the channel from the list.");
        RuleFor(x => x.Date).Must(d => PrisonerInputValidator.TryParseDate(d, out _)).WithMessage("Enter the date as YYYY-MM-DD.");
        RuleFor(x => x.CounterpartIds).NotEmpty().WithMessage("Choose at least one counterpart.");
        RuleFor(x => x.Classification).MaximumLength(100).WithMessage("Keep this under 100 characters.");
        foreach (var field in new System.Linq.Expressions.Expression<Func<ConsultationInput, string?>>[] { x => x.Participants, x => x.Subject, x => x.Positions, x => x.Outcome, x => x.NextStep, x => x.PrisonerReferences })
        {
            RuleFor(field).MaximumLength(Limits.LongText).WithMessage($"Keep this under {Limits.LongText} characters.");
        }
    }
}

public sealed record MyActionItem(int Id, int ConsultationId, string ConsultationTitle, string What, DateOnly DueOn, bool Overdue);

/// <summary>Consultations between governments (and with the ICRC and UNHCR), their status and action items.</summary>
public sealed class ConsultationService(PowRegistryDbContext db, TimeProvider clock, IValidator<ConsultationInput> validator, ILogger<ConsultationService> logger)
{
    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<IReadOnlyList<Counterpart>> CounterpartsAsync(CancellationToken ct) => await db.Counterparts.AsNoTracking().OrderBy(c => c.Name).ToListAsync(ct);

    public async Task<ServiceResult<Counterpart>> AddCounterpartAsync(string? name, CounterpartKind? kind, string? country, CancellationToken ct)
    {
        var clean = Text.Clean(name);
        if (clean is null) return ServiceResult<Counterpart>.Failure("Name", "Enter the counterpart's name.");
        if (clean.Length > Limits.ShortText) return ServiceResult<Counterpart>.Failure("Name", $"Keep this under {Limits.ShortText} characters.");
        if (kind is null || !Enum.IsDefined(kind.Value)) return ServiceResult<Counterpart>.Failure("Kind", "Choose the kind of counterpart.");
        var code = Text.Clean(country)?.ToUpperInvariant();
        if (code is not null && !CountryList.IsKnown(code)) return ServiceResult<Counterpart>.Failure("Country", "Choose a country from the list.");
        if (await db.Counterparts.AnyAsync(c => c.Name == clean, ct)) return ServiceResult<Counterpart>.Failure("Name", "This counterpart is already on the list.");
        var counterpart = new Counterpart(clean, kind.Value, code);
        db.Counterparts.Add(counterpart);
        await db.SaveChangesAsync(ct);
        return ServiceResult<Counterpart>.Success(counterpart);
    }

    public async Task<IReadOnlyList<Consultation>> ListAsync(CancellationToken ct) =>
        await db.Consultations.AsNoTracking().OrderByDescending(c => c.Date).ThenByDescending(c => c.Id).Take(500).ToListAsync(ct);

    public Task<Consultation?> GetAsync(int id, CancellationToken ct) =>
        db.Consultations.AsNoTracking().Include(c => c.Changes).Include(c => c.ActionItems).AsSplitQuery().FirstOrDefaultAsync(c => c.Id == id, ct);

    /// <summary>The consultations that concern a prisoner (visible to the user).</summary>
    public async Task<IReadOnlyList<Consultation>> ConcerningAsync(int prisonerId, CancellationToken ct) =>
        await db.Consultations.AsNoTracking().Where(c => c.PrisonerIds.Contains(prisonerId)).OrderByDescending(c => c.Date).ToListAsync(ct);

    public async Task<ServiceResult<Consultation>> CreateAsync(ConsultationInput input, Actor actor, CancellationToken ct)
    {
        var validation = await validator.ValidateAsync(input, ct);
        if (!validation.IsValid) return ServiceResult<Consultation>.Failure(validation);
        var known = await db.Counterparts.Where(c => input.CounterpartIds.Contains(c.Id)).Select(c => c.Id).ToListAsync(ct);
        if (known.Count == 0) return ServiceResult<Consultation>.Failure(nameof(ConsultationInput.CounterpartIds), "Choose at least one counterpart.");

        var references = (input.PrisonerReferences ?? "").Split([' ', ',', ';', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries)
            .Select(r => r.Trim().ToUpperInvariant()).Distinct().ToList();
        var prisoners = await db.Prisoners.Where(p => references.Contains(p.Reference)).Select(p => new { p.Id, p.Reference }).ToListAsync(ct);
        var unknown = references.Except(prisoners.Select(p => p.Reference)).ToList();
        if (unknown.Count > 0) return ServiceResult<Consultation>.Failure(nameof(ConsultationInput.PrisonerReferences), $"No record with the reference {string.Join(", ", unknown)}.");

        var consultation = new Consultation(input, known, prisoners.Select(p => p.Id).ToList(), actor, clock.GetUtcNow());
        db.Consultations.Add(consultation);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Consultation {ConsultationId} recorded by {UserId}", consultation.Id, actor.UserId);
        return ServiceResult<Consultation>.Success(consultation);
    }

    public async Task<ServiceResult<Consultation>> ChangeStatusAsync(int id, ConsultationStatus? to, Actor actor, CancellationToken ct)
    {
        if (to is null || !Enum.IsDefined(to.Value)) return ServiceResult<Consultation>.Failure("Status", "Choose a status from the list.");
        var consultation = await db.Consultations.Include(c => c.Changes).FirstOrDefaultAsync(c => c.Id == id, ct);
        if (consultation is null) return ServiceResult<Consultation>.NotFound();
        consultation.ChangeStatus(to.Value, actor, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return ServiceResult<Consultation>.Success(consultation);
    }

    public async Task<ServiceResult<ActionItem>> AddActionItemAsync(int id, string? what, string? ownerId, string? due, Actor actor, CancellationToken ct)
    {
        var consultation = await db.Consultations.Include(c => c.ActionItems).FirstOrDefaultAsync(c => c.Id == id, ct);
        if (consultation is null) return ServiceResult<ActionItem>.NotFound();
        var clean = Text.Clean(what);
        if (clean is null) return ServiceResult<ActionItem>.Failure("What", "Say what is to be done.");
        if (clean.Length > Limits.LongText) return ServiceResult<ActionItem>.Failure("What", $"Keep this under {Limits.LongText} characters.");
        if (ownerId is null || !await db.Users.AnyAsync(u => u.Id == ownerId && !u.IsDisabled, ct)) return ServiceResult<ActionItem>.Failure("Owner", "Choose who owns it.");
        if (!PrisonerInputValidator.TryParseDate(due, out var dueOn)) return ServiceResult<ActionItem>.Failure("Due", "Enter the due date as YYYY-MM-DD.");
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
        return items.Select(i => new MyActionItem(i.Id, i.ConsultationId, i.Title, i.What, i.DueOn, i.DueOn < today))
            .OrderByDescending(i => i.Overdue).ThenBy(i => i.DueOn).ToList();
    }
}
