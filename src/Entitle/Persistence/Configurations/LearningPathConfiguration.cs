using Entitle.Domain;
using Entitle.Domain.Catalog;
using Entitle.Domain.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Entitle.Persistence.Configurations;

public sealed class LearningPathConfiguration : IEntityTypeConfiguration<LearningPath>
{
    public void Configure(EntityTypeBuilder<LearningPath> builder)
    {
        builder.Property(p => p.Code).HasMaxLength(100);
        builder.Property(p => p.Name).HasMaxLength(300);
        builder.Property(p => p.Description).HasMaxLength(4000);
        builder.Property(p => p.LifecycleState).HasConversion<LowerCaseEnumConverter<LifecycleState>>().HasMaxLength(20);
        builder.HasOne<Organization>().WithMany().HasForeignKey(p => p.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => p.Code);
        builder.HasMany(p => p.Courses).WithOne().HasForeignKey(c => c.LearningPathId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Courses).HasField("_courses");
    }
}
