using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Entitle.Persistence.Configurations;

public sealed class SessionKeyConfiguration : IEntityTypeConfiguration<SessionKey>
{
    public void Configure(EntityTypeBuilder<SessionKey> builder)
    {
        builder.Property(k => k.FriendlyName).HasMaxLength(100);
    }
}
