using Entitle.Domain;
using Entitle.Domain.Organizations;
using Entitle.Domain.PassTypes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Entitle.Persistence.Configurations;

public sealed class PassTypeConfiguration : IEntityTypeConfiguration<PassType>
{
    public void Configure(EntityTypeBuilder<PassType> builder)
    {
        builder.Property(t => t.Code).HasMaxLength(PassType.CodeMaxLength);
        builder.Property(t => t.Name).HasMaxLength(PassType.NameMaxLength);
        builder.Property(t => t.Description).HasMaxLength(PassType.DescriptionMaxLength);
        builder.Property(t => t.LifecycleState).HasConversion<LowerCaseEnumConverter<LifecycleState>>().HasMaxLength(20);
        builder.HasOne<Organization>().WithMany().HasForeignKey(t => t.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(t => new { t.OrganizationId, t.Code }).IsUnique();
        builder.HasMany(t => t.Options).WithOne(o => o.PassType).HasForeignKey(o => o.PassTypeId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(t => t.Options).HasField("_options");
        builder.HasMany(t => t.Content).WithOne().HasForeignKey(c => c.PassTypeId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(t => t.Content).HasField("_content");
        builder.Ignore(t => t.DefaultOption);
        builder.HasVersion();
    }
}
