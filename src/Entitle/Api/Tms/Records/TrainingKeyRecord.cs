namespace Entitle.Api.Tms.Records;

public sealed record TrainingKeyRecord(
    int Id,
    string TrainingKey,
    int OrganizationId,
    int SubscriptionProfileId,
    string SubscriptionProfileName,
    long ExpirationDate,
    int MaxKeyUses,
    int Uses,
    long? ContentExpirationDate,
    long Created,
    int? CreatedById,
    long LastModified,
    int? LastModifiedById);
