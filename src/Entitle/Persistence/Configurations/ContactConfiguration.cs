using Entitle.Domain.Contacts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Entitle.Persistence.Configurations;

public sealed class ContactConfiguration : IEntityTypeConfiguration<Contact>
{
    public void Configure(EntityTypeBuilder<Contact> builder)
    {
        builder.Property(c => c.FirstName).HasMaxLength(Contact.NameMaxLength);
        builder.Property(c => c.LastName).HasMaxLength(Contact.NameMaxLength);
        builder.Property(c => c.Email).HasMaxLength(EmailAddress.MaxLength);
        builder.Property(c => c.UserName).HasMaxLength(200);
        builder.Property(c => c.ExternalId).HasMaxLength(200);
        builder.HasOne(c => c.Organization).WithMany().HasForeignKey(c => c.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => c.Email);
        builder.HasIndex(c => c.ExternalId);
        builder.HasVersion();
    }
}
