using Entitle.Domain;
using Entitle.Domain.Catalog;
using Entitle.Domain.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Entitle.Persistence.Configurations;

public sealed class CourseTemplateConfiguration : IEntityTypeConfiguration<CourseTemplate>
{
    public void Configure(EntityTypeBuilder<CourseTemplate> builder)
    {
        builder.Property(c => c.Code).HasMaxLength(100);
        builder.Property(c => c.Title).HasMaxLength(300);
        builder.Property(c => c.Description).HasMaxLength(4000);
        builder.Property(c => c.LifecycleState).HasConversion<LowerCaseEnumConverter<LifecycleState>>().HasMaxLength(20);
        builder.HasOne<Organization>().WithMany().HasForeignKey(c => c.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => c.Code);
    }
}
