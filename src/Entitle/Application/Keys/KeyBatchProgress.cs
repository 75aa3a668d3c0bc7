namespace Entitle.Application.Keys;

/// <summary>
/// How far a batch's keys have gone: keys still in it (deleted unredeemed ones are gone), keys redeemed at least
/// once, and uses taken out of the uses its keys allow.
/// </summary>
public sealed record KeyBatchProgress(
    int BatchId,
    DateTime CreatedAt,
    string PassTypeName,
    string OrganizationName,
    int KeysMinted,
    int KeysLeft,
    int KeysRedeemed,
    long UsesTaken,
    long UsesAllowed,
    DateTime? ExpirationDate);
