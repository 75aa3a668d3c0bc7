using Entitle.Domain.Passes;

namespace Entitle.Application.Learning;

/// <summary>One of a learner's passes, as the portal lists it.</summary>
public sealed record LearnerPass(int Id, string PassTypeName, string? OptionName, DateTime ValidFrom, DateTime ValidUntil, PassLifecycleState State);
