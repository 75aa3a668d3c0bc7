using Entitle.Domain.Organizations;

namespace Entitle.Application;

/// <summary>
/// Who is asking: the organization a credential acts for. It sees and changes rows inside its subtree, and reads
/// pass types and catalog items of its ancestors.
/// </summary>
public sealed record Caller(int OrganizationId, string OrganizationPath, int CredentialId)
{
    /// <summary>The root organization first, this caller's own organization last.</summary>
    public IReadOnlyList<int> AncestorAndSelfIds { get; } = Organization.IdsOnPath(OrganizationPath);

    public bool IsRoot => AncestorAndSelfIds.Count == 1;

    public bool Contains(string organizationPath) => organizationPath.StartsWith(OrganizationPath, StringComparison.Ordinal);
}
