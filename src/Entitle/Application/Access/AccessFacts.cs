using Entitle.Application.Organizations;
using Entitle.Domain;
using Entitle.Domain.Access;
using Entitle.Domain.Passes;

namespace Entitle.Application.Access;

/// <summary>What the access statement reads about a learner inside the caller's reach: the content's state (null when the caller cannot see it) and the learner's passes.</summary>
public sealed class AccessFacts
{
    /// <summary>The live credential the statement checked, when it checked one (<see cref="AccessService.DecideForCredentialAsync"/>).</summary>
    public CredentialMatch? Credential { get; init; }

    public LifecycleState? State { get; init; }

    public List<PassFacts> Passes { get; init; } = [];

    /// <summary>The same passes whole, by id, when the statement read every column (else null).</summary>
    public Dictionary<int, Pass>? StoredPasses { get; init; }
}
