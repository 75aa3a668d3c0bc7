namespace Entitle.Domain.Keys;

/// <summary>
/// The keys one minting call created: what administrators follow (how many redeemed) and download together.
/// Keys minted before batches existed belong to none.
/// </summary>
public sealed class KeyBatch
{
    private KeyBatch()
    {
    }

    public int Id { get; private set; }

    public int OrganizationId { get; private set; }

    public int PassTypeId { get; private set; }

    public int KeyCount { get; private set; }

    /// <summary>Whether the caller chose the keys' text (a pasted list) rather than having them generated.</summary>
    public bool CallerChosen { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public int? CreatedByOrganizationId { get; private set; }

    public static KeyBatch Create(int organizationId, int passTypeId, int keyCount, bool callerChosen, int? createdBy, DateTime now) => new()
    {
        OrganizationId = organizationId,
        PassTypeId = passTypeId,
        KeyCount = keyCount,
        CallerChosen = callerChosen,
        CreatedAt = now,
        CreatedByOrganizationId = createdBy,
    };
}
