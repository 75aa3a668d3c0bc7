using Entitle.Domain.Catalog;
using Entitle.Domain.Contacts;
using Entitle.Domain.Keys;
using Entitle.Domain.Organizations;
using Entitle.Domain.Passes;
using Entitle.Domain.PassTypes;
using Microsoft.EntityFrameworkCore;

namespace Entitle.Persistence;

/// <summary>
/// The model, shared by both providers. <see cref="SqliteEntitleDbContext"/> and <see cref="PostgresEntitleDbContext"/>
/// exist only so that each provider owns its migration set.
/// </summary>
public abstract class EntitleDbContext(DbContextOptions options) : DbContext(options)
{
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

    public abstract DatabaseProvider Provider { get; }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        BumpVersions();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        BumpVersions();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

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
