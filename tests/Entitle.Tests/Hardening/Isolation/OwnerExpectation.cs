namespace Entitle.Tests.Hardening.Isolation;

/// <summary>What the owner's own credential must get from a case's request, run after the sibling's.</summary>
public enum OwnerExpectation
{
    /// <summary>The owner does not run it (it would, say, revoke the owner's own credential mid-run).</summary>
    None,

    /// <summary>It succeeds, and a read reaches the owner's object: the case aims at something real.</summary>
    Succeeds,

    /// <summary>It is refused by a rule about the object's state: the case does put the object in that state.</summary>
    Refused,
}
