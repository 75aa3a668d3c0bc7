namespace Entitle.Bench.Soak;

/// <summary>A learner (contact, TMS user) by both APIs' ids.</summary>
public sealed record SoakLearner(int UserId, string ContactId);
