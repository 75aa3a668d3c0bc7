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
        builder.HasIndex(c => c.CourseTemplateId);
        builder.HasIndex(c => c.LearningPathId);
    }
}
