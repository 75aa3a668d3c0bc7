using Entitle.Domain.Audit;
using Entitle.Domain.Catalog;
using Entitle.Domain.Contacts;
using Entitle.Domain.Keys;
using Entitle.Domain.Organizations;
using Entitle.Domain.Passes;
using Entitle.Domain.PassTypes;
using Entitle.Domain.Usage;
using Entitle.Domain.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Entitle.Persistence;

/// <summary>
/// The model, shared by both providers. <see cref="SqliteEntitleDbContext"/> and <see cref="PostgresEntitleDbContext"/>
/// exist only so that each provider owns its migration set. The service rents contexts from a pool (see
/// <see cref="PersistenceSetup"/>), so a context's own state is set for each request by <see cref="StartRequest"/>.
/// </summary>
public abstract class EntitleDbContext(DbContextOptions options) : DbContext(options)
{
    private AuditActor? actor;

    private TimeProvider? clock;

    /// <summary>New rows to insert outside the change tracker (<see cref="Append"/>), in the order appended.</summary>
    private readonly List<object> appended = [];

    /// <summary>
    /// The context's own execution strategy, the one EF Core runs this context's queries and saves under, for the
    /// statements and transactions Entitle runs itself. <c>Database.CreateExecutionStrategy()</c> builds a new one on
    /// every call, and each new one seeds a <see cref="Random"/> from the operating system: a system call on every
    /// statement, 2.7% of the service's CPU under W1 on PostgreSQL (docs/benchmarks.md). Sharing it is safe: a
    /// strategy keeps state only while it runs an operation (cleared when the next one starts), a context runs one
    /// operation at a time, and an operation started inside another runs directly, unretried, as before.
    /// </summary>
    public IExecutionStrategy ExecutionStrategy => ((IDatabaseFacadeDependenciesAccessor)Database).Dependencies.ExecutionStrategy;

    public DbSet<Organization> Organizations => Set<Organization>();

    public DbSet<Credential> Credentials => Set<Credential>();

    public DbSet<Contact> Contacts => Set<Contact>();

    public DbSet<CourseTemplate> CourseTemplates => Set<CourseTemplate>();

    public DbSet<LearningPath> LearningPaths => Set<LearningPath>();

    public DbSet<Region> Regions => Set<Region>();

    public DbSet<PassType> PassTypes => Set<PassType>();

    public DbSet<PassTypeContentItem> PassTypeContentItems => Set<PassTypeContentItem>();

    public DbSet<PassTypeOption> PassTypeOptions => Set<PassTypeOption>();

    public DbSet<PassTypeOptionPrice> PassTypeOptionPrices => Set<PassTypeOptionPrice>();

    public DbSet<Pass> Passes => Set<Pass>();

    public DbSet<TrainingKey> TrainingKeys => Set<TrainingKey>();

    public DbSet<KeyRedemption> KeyRedemptions => Set<KeyRedemption>();

    public DbSet<KeyBatch> KeyBatches => Set<KeyBatch>();

    public DbSet<SignInLink> SignInLinks => Set<SignInLink>();

    public DbSet<SessionKey> SessionKeys => Set<SessionKey>();

    public DbSet<CourseStart> CourseStarts => Set<CourseStart>();

    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();

    public DbSet<WebhookEndpoint> WebhookEndpoints => Set<WebhookEndpoint>();

    public DbSet<WebhookEvent> WebhookEvents => Set<WebhookEvent>();

    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();

    public DbSet<WebhookAttempt> WebhookAttempts => Set<WebhookAttempt>();

    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();

    public abstract DatabaseProvider Provider { get; }

    /// <summary>
    /// Readies a context for a request (a pooled one held the last request's): who changes data, the clock, and no
    /// conflict or write mode left over.
    /// </summary>
    public void StartRequest(AuditActor? requestActor, TimeProvider? requestClock)
    {
        actor = requestActor;
        clock = requestClock;
        appended.Clear();
        ConflictOccurred = false;
        WritesOutsideTheQueue = false;
    }

    /// <summary>Set when a use case inside a request-wide transaction met a write conflict: the request runs again.</summary>
    public bool ConflictOccurred { get; set; }

    /// <summary>
    /// Saves the changes and their audit events together: inside the caller's transaction when there is one (every
    /// use case has one; its audit rows are then written by the next save or before the commit), else inside one of
    /// its own.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        // Each look at the change tracker (versions, the audit capture, EF's own save) would compare every tracked row
        // with its snapshot again; once per save is enough, and nothing below changes a row behind EF's back.
        ChangeTracker.DetectChanges();
        var detect = ChangeTracker.AutoDetectChangesEnabled;
        ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            return await SaveDetectedChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }

    private async Task<int> SaveDetectedChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        BumpVersions();
        var audits = AuditTrail.Capture(ChangeTracker);
        if (audits.Count == 0 && appended.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        if (Database.CurrentTransaction is not null)
        {
            // Inside a use case's transaction the audit rows, like every appended row, are inserted by the last save
            // before the commit (SavePendingAsync, which every commit and savepoint release runs): one round trip for
            // all of them.
            var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            AddAudits(audits);
            return saved;
        }

        var appendedBefore = appended.Count;
        return await ExecutionStrategy.ExecuteAsync(async () =>
        {
            // A retried attempt adds its audit rows again.
            appended.RemoveRange(appendedBefore, appended.Count - appendedBefore);
            await using var own = await BeginWriteTransactionAsync(cancellationToken);
            var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            AddAudits(audits);
            await RowInserts.InsertAsync(this, appended, cancellationToken);
            await own.CommitAsync(cancellationToken);
            appended.Clear();
            return saved;
        });
    }

    /// <summary>Saves what is still pending (changes, appended rows, audit rows waiting for the commit); run before every commit.</summary>
    public async Task SavePendingAsync(CancellationToken cancellationToken)
    {
        if (ChangeTracker.HasChanges())
        {
            await SaveChangesAsync(cancellationToken);
        }

        await InsertAppendedAsync(cancellationToken);
    }

    /// <summary>
    /// Adds a new row to insert before the commit, outside the change tracker (<see cref="RowInserts"/>): for rows that
    /// are only ever inserted (audit events, webhook events and deliveries, key redemptions). Its generated key is
    /// set when it is inserted; until then nothing may depend on it but another appended row.
    /// </summary>
    public void Append(object row) => appended.Add(row);

    /// <summary>
    /// Inserts a new row now, outside the change tracker, and sets its generated key; audited rows (a pass) get their
    /// "created" audit event as a save would give them. The row is not tracked afterwards: for rows a use case
    /// creates and does not change again in the same request (a pass being issued).
    /// </summary>
    public async Task InsertNowAsync(object row, CancellationToken cancellationToken)
    {
        if (Database.CurrentTransaction is null)
        {
            // Its audit row goes in before the commit; outside a transaction the row would be stored without it.
            throw new InvalidOperationException("Insert a row outside the change tracker inside a use case's transaction (WriteAsync).");
        }

        await RowInserts.InsertAsync(this, [row], cancellationToken);
        if (AuditTrail.CaptureCreated(ChangeTracker, Model.FindEntityType(row.GetType())!, row) is { } created)
        {
            AddAudits([created]);
        }
    }

    /// <summary>Forgets every change not yet saved (tracked or appended): nothing of a refused or failed attempt may be saved by the next.</summary>
    public void DiscardPending()
    {
        ChangeTracker.Clear();
        appended.Clear();
    }

    private async Task InsertAppendedAsync(CancellationToken cancellationToken)
    {
        if (appended.Count > 0)
        {
            await RowInserts.InsertAsync(this, appended, cancellationToken);
            appended.Clear();
        }
    }

    /// <summary>
    /// Set on a context that writes from inside another context's write (the key ring, saved the first time a request
    /// protects a cookie): waiting for the turn the outer write holds would stall both until
    /// <see cref="SqliteWriteTurns.MaxWait"/>, so such a context goes straight to SQLite, as before the queue.
    /// </summary>
    public bool WritesOutsideTheQueue { get; set; }

    /// <summary>Begins a use case's transaction; on SQLite it first waits for its turn to write (see <see cref="SqliteWriteTurns"/>).</summary>
    public async Task<WriteTransaction> BeginWriteTransactionAsync(CancellationToken cancellationToken)
    {
        var turn = Provider == DatabaseProvider.Sqlite && !WritesOutsideTheQueue ? await SqliteWriteTurns.TakeAsync(Database.GetConnectionString(), cancellationToken) : null;
        try
        {
            return new WriteTransaction(await Database.BeginTransactionAsync(cancellationToken), turn);
        }
        catch
        {
            turn?.Release();
            throw;
        }
    }

    private void AddAudits(List<Func<DateTime, AuditActor?, AuditEvent>> audits)
    {
        var now = (clock ?? TimeProvider.System).GetUtcNow().UtcDateTime;
        foreach (var audit in audits)
        {
            Append(audit(now, actor));
        }
    }

    /// <summary>Entitle writes asynchronously only, so that no change escapes the audit trail.</summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        throw new InvalidOperationException("Use SaveChangesAsync: it records the audit trail.");

    /// <summary>Records a change the change tracker does not see (bulk inserts, conditional updates).</summary>
    public void Audit(int? subjectOrganizationId, string entityType, string entityId, string action, string? before, string? after) =>
        Append(AuditEvent.Record(
            (clock ?? TimeProvider.System).GetUtcNow().UtcDateTime, actor?.OrganizationId, actor?.CredentialId, subjectOrganizationId, entityType, entityId, action, before, after));

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(EntitleDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every instant is UTC; the converter restores the kind that a round trip through SQLite loses.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    /// <summary>
    /// Rows whose rules depend on their current state carry a version that each change increments, so that two
    /// writers who read the same state cannot both succeed (see <see cref="VersionedEntities"/>).
    /// </summary>
    private void BumpVersions()
    {
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State == EntityState.Modified && entry.Metadata.FindProperty(VersionedEntities.PropertyName) is not null)
            {
                var version = entry.Property(VersionedEntities.PropertyName);
                version.CurrentValue = (int)version.OriginalValue! + 1;
            }
        }
    }
}
