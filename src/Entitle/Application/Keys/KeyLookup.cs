using Entitle.Domain.Keys;

namespace Entitle.Application.Keys;

/// <summary>A key named in a redemption, and whether the learner redeeming it has redeemed it before: one statement reads both.</summary>
public sealed record KeyLookup(TrainingKey Key, bool RedeemedByLearner);
