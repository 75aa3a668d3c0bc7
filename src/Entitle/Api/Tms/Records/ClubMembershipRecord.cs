namespace Entitle.Api.Tms.Records;

/// <summary>A subscription (ClubMembership): the vendor's seven fields, then Entitle's additions.</summary>
public sealed record ClubMembershipRecord(
    int Id,
    string? ExternalId,
    int ClubId,
    int UserId,
    long Starts,
    long? Expires,
    long? TargetCompletion,
    string ClubName,
    string? UserExternalId,
    bool Cancelled,
    long Created,
    long LastModified);
