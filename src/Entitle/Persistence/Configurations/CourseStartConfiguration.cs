using Entitle.Domain.Catalog;
using Entitle.Domain.Contacts;
using Entitle.Domain.Passes;
using Entitle.Domain.Usage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Entitle.Persistence.Configurations;

public sealed class CourseStartConfiguration : IEntityTypeConfiguration<CourseStart>
{
    public void Configure(EntityTypeBuilder<CourseStart> builder)
    {
        builder.Property(s => s.ExternalId).HasMaxLength(200);
        builder.HasOne<Pass>().WithMany().HasForeignKey(s => s.PassId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Contact>().WithMany().HasForeignKey(s => s.ContactId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CourseTemplate>().WithMany().HasForeignKey(s => s.CourseTemplateId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => s.PassId);
        builder.HasIndex(s => new { s.ContactId, s.StartedAt });
        builder.HasIndex(s => s.CourseTemplateId);
    }
}
