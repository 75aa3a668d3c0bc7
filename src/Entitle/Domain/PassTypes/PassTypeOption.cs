namespace Entitle.Domain.PassTypes;

/// <summary>A way to buy a pass type: a validity period with prices per region and currency.</summary>
public sealed class PassTypeOption
{
    public const int NameMaxLength = 200;

    private readonly List<PassTypeOptionPrice> _prices = [];

    private PassTypeOption()
    {
    }

    public int Id { get; private set; }

    public int PassTypeId { get; private set; }

    public PassType? PassType { get; private set; }

    public string Name { get; private set; } = "";

    public PeriodUnit PeriodUnit { get; private set; }

    public int PeriodValue { get; private set; }

    public ValidityPeriod ValidityPeriod => new(PeriodUnit, PeriodValue);

    public LifecycleState LifecycleState { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public IReadOnlyList<PassTypeOptionPrice> Prices => _prices;

    /// <summary>An option as stored, without its prices, added to its type's options, for reads written by hand.</summary>
    public static PassTypeOption Restore(PassType type, int id, string name, PeriodUnit periodUnit, int periodValue, LifecycleState lifecycleState, DateTime createdAt, DateTime updatedAt)
    {
        var option = new PassTypeOption
        {
            Id = id,
            PassTypeId = type.Id,
            PassType = type,
            Name = name,
            PeriodUnit = periodUnit,
            PeriodValue = periodValue,
            LifecycleState = lifecycleState,
            CreatedAt = createdAt,
            UpdatedAt = updatedAt,
        };
        type.AddRestored(option);
        return option;
    }

    internal static PassTypeOption Create(PassType type, string? name, ValidityPeriod period, DateTime now) => new()
    {
        PassType = type,
        Name = InputText.Required(name, "name", NameMaxLength),
        PeriodUnit = period.Unit,
        PeriodValue = period.Value,
        LifecycleState = LifecycleState.Draft,
        CreatedAt = now,
        UpdatedAt = now,
    };

    public void Rename(string? name, DateTime now)
    {
        Name = InputText.Required(name, "name", NameMaxLength);
        UpdatedAt = now;
    }

    public void ChangePeriod(ValidityPeriod period, DateTime now)
    {
        PeriodUnit = period.Unit;
        PeriodValue = period.Value;
        UpdatedAt = now;
    }

    /// <summary>Moves the option through its lifecycle; needs <see cref="PassType"/> with its options loaded.</summary>
    public void ChangeLifecycle(LifecycleState target, DateTime now)
    {
        var type = PassType ?? throw new InvalidOperationException("The option's pass type is not loaded.");
        Lifecycle.EnsureAllowed(LifecycleState, target, "training pass type option");
        var leavingPublished = LifecycleState == LifecycleState.Published && target != LifecycleState.Published;
        if (leavingPublished && type.LifecycleState == LifecycleState.Published
            && !type.Options.Any(o => o != this && o.LifecycleState == LifecycleState.Published))
        {
            throw new DomainRuleException(
                "lifecycleState",
                "This is the last published option of a published training pass type; publish another option or archive the type first.",
                Lifecycle.Text(target));
        }

        LifecycleState = target;
        UpdatedAt = now;
        type.Touch(now);
    }

    public PassTypeOptionPrice AddPrice(string? regionCode, string currencyCode, long amountMinorUnits, DateTime now)
    {
        if (_prices.Any(p => p.CurrencyCode == currencyCode && p.RegionCode == regionCode))
        {
            throw new DomainRuleException(
                "currencyCode",
                regionCode is null
                    ? $"This option already has a price in {currencyCode} for all regions."
                    : $"This option already has a price in {currencyCode} for region {regionCode}.",
                currencyCode);
        }

        var price = PassTypeOptionPrice.Create(this, regionCode, currencyCode, amountMinorUnits);
        _prices.Add(price);
        UpdatedAt = now;
        return price;
    }

    public void RemovePrice(PassTypeOptionPrice price, DateTime now)
    {
        _prices.Remove(price);
        UpdatedAt = now;
    }
}
