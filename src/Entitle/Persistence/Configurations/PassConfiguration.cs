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
        // The expiry job's question: which passes end soon or have ended?
        builder.HasIndex(p => p.ValidUntil);
        builder.HasVersion();
    }
}
