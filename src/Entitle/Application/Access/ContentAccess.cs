using Entitle.Domain.Access;
using Entitle.Domain.Passes;

namespace Entitle.Application.Access;

/// <summary>
/// A decision with the learner's passes as the check read them, by id, so that an answer naming the granting passes
/// needs no statement of its own; null when the check did not read them whole (the learning path branch).
/// </summary>
public sealed record ContentAccess(AccessDecision Decision, IReadOnlyDictionary<int, Pass>? Passes);
