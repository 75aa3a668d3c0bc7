namespace Entitle.Application.Passes;

/// <summary>What issuing a pass needs; the option defaults to the type's default option, the dates to now and its period.</summary>
public sealed record PassIssue(
    int PassTypeId,
    int? OptionId,
    int ContactId,
    DateTime? ValidFrom = null,
    DateTime? ValidUntil = null,
    string? ExternalId = null,
    DateTime? TargetCompletion = null);
