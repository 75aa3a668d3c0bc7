namespace Entitle.Domain.PassTypes;

using Entitle.Domain.Catalog;

/// <summary>What an option costs in one currency, for one region or (without a region) everywhere.</summary>
public sealed class PassTypeOptionPrice
{
    private PassTypeOptionPrice()
    {
    }

    public int Id { get; private set; }

    public int OptionId { get; private set; }

    public PassTypeOption? Option { get; private set; }

    public string? RegionCode { get; private set; }

    public Region? Region { get; private set; }

    public string CurrencyCode { get; private set; } = "";

    public long AmountMinorUnits { get; private set; }

    public string Amount => Money.Format(AmountMinorUnits);

    public Currency Currency => Currencies.Find(CurrencyCode) ?? new Currency(CurrencyCode, CurrencyCode, CurrencyCode);

    internal static PassTypeOptionPrice Create(PassTypeOption option, string? regionCode, string currencyCode, long amountMinorUnits) => new()
    {
        Option = option,
        RegionCode = regionCode,
        CurrencyCode = currencyCode,
        AmountMinorUnits = amountMinorUnits,
    };

    public void ChangeAmount(long amountMinorUnits) => AmountMinorUnits = amountMinorUnits;
}
