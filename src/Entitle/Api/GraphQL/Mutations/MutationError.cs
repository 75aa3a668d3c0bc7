namespace Entitle.Api.GraphQL.Mutations;

/// <summary>One reason a mutation was refused: the input field at fault, a sentence, and the rejected value.</summary>
public sealed record MutationError(string Label, string Message, string? Value);
