namespace Entitle.Api.Tms.Records;

public sealed record UserRecord(
    int Id,
    string? ExternalId,
    string FirstName,
    string LastName,
    string? UserName,
    string? Email,
    int OrganizationId,
    bool Disabled);
