using Entitle.Domain.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Entitle.Persistence.Configurations;

public sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> builder)
    {
        builder.Property(o => o.Name).HasMaxLength(Organization.NameMaxLength);
        builder.Property(o => o.Path).HasMaxLength(400);
        builder.Property(o => o.ExternalId).HasMaxLength(200);
        builder.Property(o => o.Description).HasMaxLength(2000);
        builder.Property(o => o.CurrencyCode).HasMaxLength(3).HasDefaultValue(Organization.DefaultCurrencyCode);
        builder.HasOne<Organization>().WithMany().HasForeignKey(o => o.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(o => o.Path);
        builder.HasIndex(o => o.ExternalId);
    }
}
