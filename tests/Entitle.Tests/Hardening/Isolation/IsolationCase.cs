namespace Entitle.Tests.Hardening.Isolation;

/// <summary>
/// One way of exercising one matrix entry (a query root, a node type, a mutation or a TMS method). The request is
/// written for a caller, whose own objects fill every slot but one, and a value for that slot: the owner's real
/// object (<see cref="Target"/>) or one of the same shape that does not exist (<see cref="Twin"/>).
/// </summary>
/// <param name="Entry">The schema field, <c>namespace.operation</c>, node type or TMS method (its first name).</param>
/// <param name="Variant">Which slot is aimed at the owner, when an entry has several.</param>
/// <param name="Expectation">What the sibling's call must come to.</param>
/// <param name="Request">The GraphQL document, or the TMS call <c>Method?…</c>, for a caller and a value.</param>
public sealed record IsolationCase(string Entry, string Variant, SiblingExpectation Expectation, Func<Tenant, string, string> Request)
{
    /// <summary>The owner's value; null for a request that names nothing (a whole list).</summary>
    public string? Target { get; init; }

    /// <summary>A value of the same shape that names nothing at all.</summary>
    public string? Twin { get; init; }

    /// <summary>What the owner's own credential must get from the same request.</summary>
    public OwnerExpectation Owner { get; init; }

    /// <summary>For a <see cref="SiblingExpectation.RefusedInstallationWide"/> case: the documented rule.</summary>
    public string? Why { get; init; }

    public string Name => Variant.Length == 0 ? Entry : $"{Entry} [{Variant}]";
}
