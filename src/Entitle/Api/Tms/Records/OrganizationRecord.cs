namespace Entitle.Api.Tms.Records;

/// <summary>An organization. <c>IntegrationKey</c> is shown once, by CreateOrganization; reads show null.</summary>
public sealed record OrganizationRecord(
    int Id,
    string? ExternalId,
    string Name,
    string? Description,
    int? ParentId,
    bool Enabled,
    IReadOnlyList<int> Children,
    string Currency,
    string? IntegrationKey);
