namespace Entitle.Domain.Keys;

/// <summary>
/// A subscription training key: a code that learners redeem for a pass of one pass type, while
/// <c>now &lt; ExpirationDate</c> and fewer than <see cref="MaxKeyUses"/> redemptions exist. The count of uses is
/// kept on the row and only ever raised by a conditional update in the database, so the limit holds under any
/// concurrency.
/// </summary>
public sealed class TrainingKey
{
    public const int MaxUsesLimit = 1_000_000;

    private TrainingKey()
    {
    }

    public int Id { get; private set; }

    /// <summary>The key as issued: generated keys are 16 upper-case letters and digits.</summary>
    public string Key { get; private set; } = "";

    /// <summary>The key as it is matched: trimmed and upper-cased, unique in the installation.</summary>
    public string NormalizedKey { get; private set; } = "";

    public int OrganizationId { get; private set; }

    public int PassTypeId { get; private set; }

    public DateTime ExpirationDate { get; private set; }

    public int MaxKeyUses { get; private set; }

    public int Uses { get; private set; }

    /// <summary>When set, passes created from this key end here instead of after the type's default period.</summary>
    public DateTime? ContentExpirationDate { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public int? CreatedByOrganizationId { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public int? UpdatedByOrganizationId { get; private set; }

    /// <summary>The minting call that created the key; null for keys from before batches were kept.</summary>
    public int? BatchId { get; private set; }

    public static TrainingKey Create(string key, int organizationId, int passTypeId, KeyTerms terms, int? createdBy, DateTime now, int? batchId = null) => new()
    {
        BatchId = batchId,
        Id = 0,
        Key = key,
        NormalizedKey = TrainingKeyText.Normalize(key),
        OrganizationId = organizationId,
        PassTypeId = passTypeId,
        ExpirationDate = terms.ExpirationDate,
        MaxKeyUses = terms.MaxKeyUses,
        ContentExpirationDate = terms.ContentExpirationDate,
        CreatedAt = now,
        CreatedByOrganizationId = createdBy,
        UpdatedAt = now,
        UpdatedByOrganizationId = createdBy,
    };

    public bool IsRedeemableAt(DateTime now) => now < ExpirationDate && Uses < MaxKeyUses;

    /// <summary>Overwrites the key as TMS's UpdateSubscriptionTrainingKey does.</summary>
    public void Overwrite(string key, int organizationId, int passTypeId, KeyTerms terms, int? updatedBy, DateTime now)
    {
        var normalized = TrainingKeyText.Normalize(key);
        if (Uses > 0 && normalized != NormalizedKey)
        {
            throw new DomainRuleException("trainingKey", "A key that has been redeemed keeps its text.", key);
        }

        if (Uses > 0 && passTypeId != PassTypeId)
        {
            throw new DomainRuleException("subscriptionProfileId", "A key that has been redeemed keeps its subscription profile.");
        }

        if (terms.MaxKeyUses < Uses)
        {
            throw new DomainRuleException("maxKeyUses", $"This key has been redeemed {Uses} times already; maxKeyUses cannot be lower.", terms.MaxKeyUses.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        Key = key;
        NormalizedKey = normalized;
        OrganizationId = organizationId;
        PassTypeId = passTypeId;
        ExpirationDate = terms.ExpirationDate;
        MaxKeyUses = terms.MaxKeyUses;
        ContentExpirationDate = terms.ContentExpirationDate;
        UpdatedAt = now;
        UpdatedByOrganizationId = updatedBy;
    }

    public void EnsureDeletable()
    {
        if (Uses > 0)
        {
            throw new DomainRuleException("id", "This key has been redeemed, so it cannot be deleted.");
        }
    }
}
