namespace Entitle.Api.GraphQL.Mutations;

/// <summary>A mutation's answer: the changed object and no errors, or no object and why not.</summary>
public sealed record MutationPayload(object? Value, IReadOnlyList<MutationError> Errors, string? Credential = null);
