using Entitle.Domain.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Entitle.Persistence.Configurations;

public sealed class RegionConfiguration : IEntityTypeConfiguration<Region>
{
    public void Configure(EntityTypeBuilder<Region> builder)
    {
        builder.HasKey(r => r.Code);
        builder.Property(r => r.Code).HasMaxLength(20);
        builder.Property(r => r.Name).HasMaxLength(200);
    }
}
