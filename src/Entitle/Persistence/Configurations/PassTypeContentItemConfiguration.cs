using Entitle.Domain.PassTypes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Entitle.Persistence.Configurations;

public sealed class PassTypeContentItemConfiguration : IEntityTypeConfiguration<PassTypeContentItem>
{
    public void Configure(EntityTypeBuilder<PassTypeContentItem> builder)
    {
        builder.ToTable(t => t.HasCheckConstraint(
            "ck_pass_type_content_items_one_target",
            "(\"course_template_id\" IS NULL) <> (\"learning_path_id\" IS NULL)"));
        builder.HasOne(c => c.CourseTemplate).WithMany().HasForeignKey(c => c.CourseTemplateId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.LearningPath).WithMany().HasForeignKey(c => c.LearningPathId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.PassTypeId, c.CourseTemplateId }).IsUnique().HasFilter("\"course_template_id\" IS NOT NULL");
        builder.HasIndex(c => new { c.PassTypeId, c.LearningPathId }).IsUnique().HasFilter("\"learning_path_id\" IS NOT NULL");
        // Every access check asks which types hold a course, directly or through a learning path: with the type in the
        // index the answer comes from the index alone. Without it, each of the ~20 types holding a course on the
        // large data set was one more heap page read per check (docs/benchmarks.md, W1's scaling).
        builder.HasIndex(c => new { c.CourseTemplateId, c.PassTypeId });
        builder.HasIndex(c => new { c.LearningPathId, c.PassTypeId });
    }
}
