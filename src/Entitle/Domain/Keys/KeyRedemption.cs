namespace Entitle.Domain.Keys;

/// <summary>One learner's redemption of a key, and the pass it created. A learner redeems a given key once.</summary>
public sealed class KeyRedemption
{
    private KeyRedemption()
    {
    }

    public int Id { get; private set; }

    public int KeyId { get; private set; }

    public int ContactId { get; private set; }

    public int PassId { get; private set; }

    public DateTime RedeemedAt { get; private set; }

    public static KeyRedemption Record(int keyId, int contactId, int passId, DateTime now) => new()
    {
        KeyId = keyId,
        ContactId = contactId,
        PassId = passId,
        RedeemedAt = now,
    };
}
