namespace Entitle.Bench.Baseline;

/// <summary>What W4's baseline reads in its one statement before it takes a use of a key.</summary>
public sealed record RedemptionFacts(
    int KeyId,
    string Key,
    int KeyOrganizationId,
    string KeyOrganizationPath,
    DateTime ExpirationDate,
    DateTime? ContentExpirationDate,
    int PassTypeId,
    string TypeState,
    int? OptionId,
    string? PeriodUnit,
    int PeriodValue,
    int ContactOrganizationId,
    string ContactPath,
    bool AlreadyRedeemed);
