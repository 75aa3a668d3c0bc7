using Entitle.Domain.Passes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Entitle.Persistence.Configurations;

public sealed class PassConfiguration : IEntityTypeConfiguration<Pass>
{
    public void Configure(EntityTypeBuilder<Pass> builder)
    {
        builder.Property(p => p.ExternalId).HasMaxLength(200);
        builder.HasOne(p => p.PassType).WithMany().HasForeignKey(p => p.PassTypeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(p => p.Option).WithMany().HasForeignKey(p => p.OptionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(p => p.Contact).WithMany().HasForeignKey(p => p.ContactId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.ContactId, p.ValidUntil });
        builder.HasIndex(p => p.PassTypeId);
        builder.HasIndex(p => p.OptionId);
        builder.HasIndex(p => p.ExternalId);
        // The expiry job's first question: which passes end within the notice period? (Those that have ended: below.)
        builder.HasIndex(p => p.ValidUntil);
        // The job's second question, which passes have ended and not been announced yet, asked every few seconds: the
        // announced ones stay out of this index, so its answer costs what is due, not every pass that ever ended.
        // The filter repeats the job's condition term for term, as the job's SQL writes it (SQLite uses a partial index
        // only when the query's WHERE holds each of the index's terms in the same form).
        builder.HasIndex(p => new { p.ValidUntil, p.Id }, "ix_passes_unannounced_end")
            .HasDatabaseName("ix_passes_unannounced_end")
            .HasFilter("\"cancelled_at\" IS NULL AND (\"expired_notified_for\" IS NULL OR \"expired_notified_for\" <> \"valid_until\")");
        builder.HasVersion();
    }
}
