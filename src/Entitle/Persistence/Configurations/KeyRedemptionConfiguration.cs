using Entitle.Domain.Contacts;
using Entitle.Domain.Keys;
using Entitle.Domain.Passes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Entitle.Persistence.Configurations;

public sealed class KeyRedemptionConfiguration : IEntityTypeConfiguration<KeyRedemption>
{
    public void Configure(EntityTypeBuilder<KeyRedemption> builder)
    {
        // A learner redeems a given key at most once, whatever races between requests.
        builder.HasIndex(r => new { r.KeyId, r.ContactId }).IsUnique();
        builder.HasIndex(r => r.ContactId);
        builder.HasIndex(r => r.PassId).IsUnique();
        builder.HasOne<TrainingKey>().WithMany().HasForeignKey(r => r.KeyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Contact>().WithMany().HasForeignKey(r => r.ContactId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Pass>().WithMany().HasForeignKey(r => r.PassId).OnDelete(DeleteBehavior.Restrict);
    }
}
