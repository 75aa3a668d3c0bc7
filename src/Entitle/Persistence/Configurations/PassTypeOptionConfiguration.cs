using Entitle.Domain;
using Entitle.Domain.PassTypes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Entitle.Persistence.Configurations;

public sealed class PassTypeOptionConfiguration : IEntityTypeConfiguration<PassTypeOption>
{
    public void Configure(EntityTypeBuilder<PassTypeOption> builder)
    {
        builder.Property(o => o.Name).HasMaxLength(PassTypeOption.NameMaxLength);
        builder.Property(o => o.PeriodUnit).HasConversion<LowerCaseEnumConverter<PeriodUnit>>().HasMaxLength(10);
        builder.Property(o => o.LifecycleState).HasConversion<LowerCaseEnumConverter<LifecycleState>>().HasMaxLength(20);
        builder.Ignore(o => o.ValidityPeriod);
        builder.HasMany(o => o.Prices).WithOne(p => p.Option).HasForeignKey(p => p.OptionId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(o => o.Prices).HasField("_prices");
        builder.HasVersion();
    }
}
