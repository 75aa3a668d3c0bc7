using Entitle.Domain.Keys;
using Entitle.Domain.Organizations;
using Entitle.Domain.PassTypes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Entitle.Persistence.Configurations;

public sealed class TrainingKeyConfiguration : IEntityTypeConfiguration<TrainingKey>
{
    public void Configure(EntityTypeBuilder<TrainingKey> builder)
    {
        builder.Property(k => k.Key).HasMaxLength(TrainingKeyText.MaxLength);
        builder.Property(k => k.NormalizedKey).HasMaxLength(TrainingKeyText.MaxLength);
        // Keys are unique in the installation, ignoring case and surrounding spaces: the database enforces it.
        builder.HasIndex(k => k.NormalizedKey).IsUnique();
        builder.HasIndex(k => new { k.OrganizationId, k.Id });
        builder.HasIndex(k => k.PassTypeId);
        builder.HasIndex(k => k.BatchId);
        builder.HasOne<KeyBatch>().WithMany().HasForeignKey(k => k.BatchId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organization>().WithMany().HasForeignKey(k => k.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PassType>().WithMany().HasForeignKey(k => k.PassTypeId).OnDelete(DeleteBehavior.Restrict);
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("ck_training_keys_uses_within_limit", "\"uses\" >= 0 AND \"uses\" <= \"max_key_uses\"");
        });
        builder.HasVersion();
    }
}
