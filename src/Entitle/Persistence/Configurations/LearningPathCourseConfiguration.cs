using Entitle.Domain.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Entitle.Persistence.Configurations;

public sealed class LearningPathCourseConfiguration : IEntityTypeConfiguration<LearningPathCourse>
{
    public void Configure(EntityTypeBuilder<LearningPathCourse> builder)
    {
        builder.HasKey(c => new { c.LearningPathId, c.CourseTemplateId });
        builder.HasOne(c => c.CourseTemplate).WithMany().HasForeignKey(c => c.CourseTemplateId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => c.CourseTemplateId);
    }
}
