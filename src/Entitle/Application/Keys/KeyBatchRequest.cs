namespace Entitle.Application.Keys;

/// <summary>
/// What minting a batch of keys asks for: the caller's own keys when <see cref="TrainingKeys"/> is given, else
/// <see cref="NumberOfKeys"/> generated ones.
/// </summary>
public sealed record KeyBatchRequest(
    int? OrganizationId,
    int PassTypeId,
    DateTime ExpirationDate,
    int MaxKeyUses,
    DateTime? ContentExpirationDate,
    IReadOnlyList<string>? TrainingKeys,
    int NumberOfKeys);
