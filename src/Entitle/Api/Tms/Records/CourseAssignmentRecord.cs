namespace Entitle.Api.Tms.Records;

/// <summary>A course started under a subscription.</summary>
public sealed record CourseAssignmentRecord(int Id, string? ExternalId, int UserId, int CourseId, int? ClubMembershipId, long Start);
