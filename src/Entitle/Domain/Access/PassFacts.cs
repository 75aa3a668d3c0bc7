namespace Entitle.Domain.Access;

/// <summary>What a decision needs to know about one of the learner's passes.</summary>
public sealed record PassFacts(int PassId, DateTime ValidFrom, DateTime ValidUntil, bool Cancelled, bool HoldsContent);
