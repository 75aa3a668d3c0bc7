namespace Entitle.Domain.Keys;

/// <summary>What a batch of keys is good for: until when it can be redeemed, how often, and how long its passes run.</summary>
public sealed record KeyTerms
{
    public KeyTerms(DateTime expirationDate, int maxKeyUses, DateTime? contentExpirationDate)
    {
        if (maxKeyUses < 1 || maxKeyUses > TrainingKey.MaxUsesLimit)
        {
            throw new DomainRuleException("maxKeyUses", $"maxKeyUses must be between 1 and {TrainingKey.MaxUsesLimit}.", maxKeyUses.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        ExpirationDate = expirationDate;
        MaxKeyUses = maxKeyUses;
        ContentExpirationDate = contentExpirationDate;
    }

    public DateTime ExpirationDate { get; }

    public int MaxKeyUses { get; }

    public DateTime? ContentExpirationDate { get; }
}
