namespace Entitle.Tests.Hardening.Isolation;

/// <summary>What a sibling organization's call of one matrix entry must come to.</summary>
public enum SiblingExpectation
{
    /// <summary>A read: the answer holds nothing of the owner's, and the database does not change.</summary>
    Read,

    /// <summary>A change aimed at the owner's object: refused, and the database does not change.</summary>
    Refused,

    /// <summary>
    /// The sibling makes a row of its own with a value the owner also uses (a code, an external id, an address): it
    /// must succeed exactly as with a value nobody uses, and no row that existed may change.
    /// </summary>
    OwnCreation,

    /// <summary>Installation-wide reference data (regions, currencies): every organization reads the same thing.</summary>
    Shared,

    /// <summary>
    /// Refused and nothing changes or shows, but the refusal does tell that the value is taken, because the value
    /// is unique in the whole installation by design (<see cref="IsolationCase.Why"/> says which rule).
    /// </summary>
    RefusedInstallationWide,
}
