using System.Linq.Expressions;

using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

using PowRegistry.Core.Accounts;
using PowRegistry.Core.Audit;
using PowRegistry.Core.Common;
using PowRegistry.Core.Desks;
using PowRegistry.Core.Prisoners;

namespace PowRegistry.Core.Data;

/// <summary>
/// The database. Two safeguards live here so that no feature can forget them: the need-to-know filter on
/// prisoners (a case officer's queries only ever see his desks' records) and the audit trail (every saved
/// change writes sealed audit entries in the same transaction). Derived rows are kept here too: a saved change to a
/// prisoner's names renews his search terms in the same transaction (<see cref="SearchTermUpkeep"/>), and a saved
/// change to what he is counted by moves the review's counts (<see cref="RegisterTallyUpkeep"/>).
/// Contexts are pooled (ADR-018): the one constructor takes only the options, and whoever hands a context out says
/// whom it acts for with <see cref="For"/>. Until then it acts for nobody: it sees no record and cannot save an audited change.
/// </summary>
public sealed class PowRegistryDbContext(DbContextOptions<PowRegistryDbContext> options) : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    // Read by the query filters below: EF reads these fields of the context running the query, so a pooled context
    // filters by whoever it was last handed to (see For), never by whoever built the model.
    private CurrentUser _currentUser = new();
    private AuditKey? _auditKey;
    private TimeProvider _clock = TimeProvider.System;

    /// <summary>
    /// Binds the context to the unit of work it serves: the user its filters and audit entries are for, the audit key
    /// and the clock. Called on every context taken from the pool (<see cref="DatabaseSetup.AddPowRegistryDatabase"/>).
    /// </summary>
    public PowRegistryDbContext For(CurrentUser user, AuditKey key, TimeProvider time)
    {
        _currentUser = user;
        _auditKey = key;
        _clock = time;
        return this;
    }

    // Back to acting for nobody when the request lets the context go (to the pool), so that a context ever taken from
    // the pool without For sees no record of the last request's user.
    public override void Dispose()
    {
        Unbind();
        base.Dispose();
    }

    public override ValueTask DisposeAsync()
    {
        Unbind();
        return base.DisposeAsync();
    }

    private void Unbind()
    {
        _currentUser = new();
        _auditKey = null;
        _clock = TimeProvider.System;
    }

    private AuditKey AuditKey => _auditKey ?? throw new InvalidOperationException("This context was not bound to a unit of work (PowRegistryDbContext.For): it cannot write audit entries.");

    public DbSet<Prisoner> Prisoners => Set<Prisoner>();
    public DbSet<PrisonerAlias> PrisonerAliases => Set<PrisonerAlias>();
    public DbSet<IdentityDocument> IdentityDocuments => Set<IdentityDocument>();
    public DbSet<CustodyEvent> CustodyEvents => Set<CustodyEvent>();
    public DbSet<PrisonerSearchTerm> PrisonerSearchTerms => Set<PrisonerSearchTerm>();
    public DbSet<RegisterTally> RegisterTallies => Set<RegisterTally>();
    public DbSet<PrisonerMerge> PrisonerMerges => Set<PrisonerMerge>();
    public DbSet<Wishes.WishDeclaration> WishDeclarations => Set<Wishes.WishDeclaration>();
    public DbSet<Requests.TransferRequest> TransferRequests => Set<Requests.TransferRequest>();
    public DbSet<Consultations.Counterpart> Counterparts => Set<Consultations.Counterpart>();
    public DbSet<Consultations.Consultation> Consultations => Set<Consultations.Consultation>();
    public DbSet<Consultations.ConsultationDocument> ConsultationDocuments => Set<Consultations.ConsultationDocument>();
    public DbSet<Notifications.Notification> Notifications => Set<Notifications.Notification>();
    public DbSet<Desk> Desks => Set<Desk>();
    public DbSet<DeskMember> DeskMembers => Set<DeskMember>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Api.ApiToken> ApiTokens => Set<Api.ApiToken>();
    public DbSet<Exchange.Transfer> Transfers => Set<Exchange.Transfer>();

    // What several app instances share besides the register (ADR-022): keys, sessions, login counts, leases, the setup token, the cache.
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Instances.ServerSession> Sessions => Set<Instances.ServerSession>();
    public DbSet<Instances.LoginAttempt> LoginAttempts => Set<Instances.LoginAttempt>();
    public DbSet<Instances.ApiRequestCount> ApiRequestCounts => Set<Instances.ApiRequestCount>();
    public DbSet<Instances.Lease> Leases => Set<Instances.Lease>();
    public DbSet<Instances.StoredSetupToken> SetupTokens => Set<Instances.StoredSetupToken>();
    public DbSet<Instances.CacheEntry> CacheEntries => Set<Instances.CacheEntry>();

    public CurrentUser CurrentUser => _currentUser;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PowRegistryDbContext).Assembly);

        // Need-to-know, in one place: a record outside the user's desks does not exist for him (404, not 403).
        // A record merged into another is gone from every list and page too.
        builder.Entity<Prisoner>().HasQueryFilter(OnReadersDesks<Prisoner>(p => p.DeskId, alsoWhere: p => p.MergedIntoId == null));
        builder.Entity<Consultations.Consultation>().HasQueryFilter(OnReadersDesks<Consultations.Consultation>(c => c.DeskId));
        // The review's counts of prisoners: a reader sums the rows of his desks only, as he would count their records.
        builder.Entity<RegisterTally>().HasQueryFilter(OnReadersDesks<RegisterTally>(t => t.DeskId));
        // Notifications are seen exactly where their prisoner is: the prisoner filter above, applied through the join.
        builder.Entity<Notifications.Notification>().HasQueryFilter(n => Prisoners.Any(p => p.Id == n.PrisonerId));
    }

    /// <summary>
    /// The need-to-know test for a table whose rows have a desk: the reader sees every desk, or the row's desk is one of
    /// his. His desks are read as single values (<see cref="FilterDesks"/>), not as a list, so that EF Core keeps each
    /// query's SQL instead of writing it again on every run. <paramref name="alsoWhere"/> comes first, as it is written.
    /// The list of desks past the fourth is tested for null as a parameter (EF.Parameter): EF Core then leaves the whole
    /// clause out of the SQL when it is null. Tested as a plain value, it would stay in, and SQLite would pay for its
    /// subquery on every row (docs/performance.md).
    /// </summary>
    private Expression<Func<T, bool>> OnReadersDesks<T>(Expression<Func<T, int>> deskOf, Expression<Func<T, bool>>? alsoWhere = null)
    {
        Expression<Func<int, bool>> maySee = deskId => _currentUser.SeesAllDesks
            || deskId == _currentUser.FilterDesks.First || deskId == _currentUser.FilterDesks.Second
            || deskId == _currentUser.FilterDesks.Third || deskId == _currentUser.FilterDesks.Fourth
            || (EF.Parameter(_currentUser.FilterDesks.More) != null && EF.Parameter(_currentUser.FilterDesks.More)!.Contains(deskId));
        var row = deskOf.Parameters[0];
        var test = ReplacingExpressionVisitor.Replace(maySee.Parameters[0], deskOf.Body, maySee.Body);
        if (alsoWhere is not null) test = Expression.AndAlso(ReplacingExpressionVisitor.Replace(alsoWhere.Parameters[0], row, alsoWhere.Body), test);
        return Expression.Lambda<Func<T, bool>>(test, row);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot order or compare DateTimeOffset columns: store them as Unix milliseconds (INTEGER), which it can.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToUnixMillisecondsConverter>();
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    /// <summary>Saves the changes, their audit entries, and the search terms and counts they call for in one transaction: all or none.</summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var pending = AuditRecorder.Capture(ChangeTracker);
        var searchTerms = SearchTermUpkeep.Capture(ChangeTracker);
        var tallies = RegisterTallyUpkeep.Capture(ChangeTracker);
        if (pending.Count == 0 && searchTerms.IsEmpty && tallies.IsEmpty) return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);

        var ownTransaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            await tallies.ReadBeforeAsync(this, cancellationToken);
            // A large save that only adds rows (a chunk of an import) is inserted by prepared statements (ADR-017).
            var saved = (acceptAllChangesOnSuccess ? await AddedRows.TryInsertAsync(this, cancellationToken) : null) ?? await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            await searchTerms.ApplyAsync(this, cancellationToken);
            await tallies.ApplyAsync(this, cancellationToken);
            if (pending.Count > 0)
            {
                await AuditChain.AppendAsync(this, AuditKey, _clock.GetUtcNow(), _currentUser.UserId, pending.Select(p => p.Complete()).ToList(), cancellationToken);
            }
            await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            tallies.Forget(this);
            if (ownTransaction is not null) await ownTransaction.CommitAsync(cancellationToken);
            return saved;
        }
        finally
        {
            if (ownTransaction is not null) await ownTransaction.DisposeAsync();
        }
    }

    /// <summary>
    /// Appends queued record views to the chain in one transaction and one commit (see <see cref="AccessLog"/>). The
    /// transaction takes the write lock before the chain's last entry is read, as <see cref="SaveChangesAsync(bool, CancellationToken)"/> does.
    /// </summary>
    internal async Task AppendAccessesAsync(IReadOnlyList<PendingAccess> views, CancellationToken ct)
    {
        await using var transaction = await Database.BeginTransactionAsync(ct);
        await AuditChain.AppendAsync(this, AuditKey,
            views.Select(v => (v.At, v.UserId, AuditActions.Access, v.EntityType, v.EntityId, v.PrisonerId, "[]")), ct);
        await base.SaveChangesAsync(acceptAllChangesOnSuccess: true, ct);
        await transaction.CommitAsync(ct);
    }

    public Task<AuditVerification> VerifyAuditAsync(CancellationToken ct) => AuditChain.VerifyAsync(this, AuditKey, ct);
}

internal sealed class DateTimeOffsetToUnixMillisecondsConverter()
    : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTimeOffset, long>(
        v => v.ToUnixTimeMilliseconds(),
        v => DateTimeOffset.FromUnixTimeMilliseconds(v));
