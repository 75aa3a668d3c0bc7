using Entitle.Domain.Keys;
using Entitle.Domain.Organizations;
using Entitle.Domain.PassTypes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Entitle.Persistence.Configurations;

public sealed class KeyBatchConfiguration : IEntityTypeConfiguration<KeyBatch>
{
    public void Configure(EntityTypeBuilder<KeyBatch> builder)
    {
        builder.HasIndex(b => new { b.OrganizationId, b.Id });
        builder.HasOne<Organization>().WithMany().HasForeignKey(b => b.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PassType>().WithMany().HasForeignKey(b => b.PassTypeId).OnDelete(DeleteBehavior.Restrict);
    }
}
