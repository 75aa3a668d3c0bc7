using Entitle.Domain.Organizations;

namespace Entitle.Application.Organizations;

/// <summary>A new organization and its credential, which is shown this once and never stored in clear.</summary>
public sealed record CreatedOrganization(Organization Organization, string Credential);
