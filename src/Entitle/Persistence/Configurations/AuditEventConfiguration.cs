using Entitle.Domain.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Entitle.Persistence.Configurations;

public sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> builder)
    {
        builder.Property(e => e.EntityType).HasMaxLength(60);
        builder.Property(e => e.EntityId).HasMaxLength(60);
        builder.Property(e => e.Action).HasMaxLength(40);
        builder.HasIndex(e => new { e.SubjectOrganizationId, e.Id });
        builder.HasIndex(e => new { e.EntityType, e.EntityId });
        builder.HasIndex(e => e.OccurredAt);
    }
}
