using Entitle.Domain.PassTypes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Entitle.Persistence.Configurations;

public sealed class PassTypeOptionPriceConfiguration : IEntityTypeConfiguration<PassTypeOptionPrice>
{
    public void Configure(EntityTypeBuilder<PassTypeOptionPrice> builder)
    {
        builder.Property(p => p.CurrencyCode).HasMaxLength(3);
        builder.Property(p => p.RegionCode).HasMaxLength(20);
        builder.Ignore(p => p.Amount);
        builder.Ignore(p => p.Currency);
        builder.HasOne(p => p.Region).WithMany().HasForeignKey(p => p.RegionCode).OnDelete(DeleteBehavior.Restrict);
        // One price per option, currency and region; "no region" is a region of its own.
        builder.HasIndex(p => new { p.OptionId, p.CurrencyCode, p.RegionCode }).IsUnique().HasFilter("\"region_code\" IS NOT NULL");
        builder.HasIndex(p => new { p.OptionId, p.CurrencyCode }).IsUnique().HasFilter("\"region_code\" IS NULL");
    }
}
