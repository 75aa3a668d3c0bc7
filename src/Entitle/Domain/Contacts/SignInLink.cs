namespace Entitle.Domain.Contacts;

/// <summary>
/// A one-time link that signs a learner in: only a keyed hash of its token is kept, it works once, and only for a
/// short while after it was asked for.
/// </summary>
public sealed class SignInLink
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

    private SignInLink()
    {
    }

    public int Id { get; private set; }

    public int ContactId { get; private set; }

    public string TokenHash { get; private set; } = "";

    public DateTime CreatedAt { get; private set; }

    public DateTime ExpiresAt { get; private set; }

    public DateTime? UsedAt { get; private set; }

    public static SignInLink Issue(int contactId, string tokenHash, DateTime now) => new()
    {
        ContactId = contactId,
        TokenHash = tokenHash,
        CreatedAt = now,
        ExpiresAt = now + Lifetime,
    };

    public bool IsUsableAt(DateTime now) => UsedAt is null && now < ExpiresAt;

    public void Use(DateTime now) => UsedAt = now;
}
