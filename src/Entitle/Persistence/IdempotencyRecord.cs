namespace Entitle.Persistence;

/// <summary>
/// The first answer to a request sent with an Idempotency-Key, kept for 24 hours so that a retry gets the same
/// answer without the work being done twice. Keys are per organization.
/// </summary>
public sealed class IdempotencyRecord
{
    private IdempotencyRecord()
    {
    }

    public int OrganizationId { get; private set; }

    public string Key { get; private set; } = "";

    /// <summary>SHA-256 of the request; the same key with another request is refused.</summary>
    public string RequestHash { get; private set; } = "";

    public int StatusCode { get; private set; }

    public string ContentType { get; private set; } = "";

    public byte[] Body { get; private set; } = [];

    public DateTime CreatedAt { get; private set; }

    public static IdempotencyRecord Claim(int organizationId, string key, string requestHash, DateTime now) => new()
    {
        OrganizationId = organizationId,
        Key = key,
        RequestHash = requestHash,
        CreatedAt = now,
    };
}
