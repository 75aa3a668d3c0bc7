using System.Collections.Concurrent;
using GraphQL.Validation;
using GraphQL.Validation.Rules;
using GraphQLParser.AST;

namespace Entitle.Api.GraphQL;

/// <summary>
/// Documents that parsed and passed validation, by their text and operation name. An integrator sends the same few
/// documents again and again (with new variables); parsing one and running GraphQL.NET's 27 validation rules over it
/// cost more CPU than answering a small query (docs/benchmarks.md). None of those rules depend on the variables, so a
/// document that passed once is not checked by them again; the rules that do depend on the request still run every
/// time (<see cref="RulesForKnownDocuments"/>, plus the complexity and size limits GraphQL.NET adds to every
/// execution). Bounded: documents longer than <see cref="MaxLength"/> are not kept, and once <see cref="Capacity"/>
/// are kept no more are (no eviction to thrash; a real client's set of documents is small).
/// </summary>
public sealed class ValidatedDocuments
{
    public const int Capacity = 500;

    public const int MaxLength = 8 * 1024;

    private readonly ConcurrentDictionary<(string? Operation, string Query), GraphQLDocument> _documents = new();

    /// <summary>For a known document: argument values checked against their fields' rules (they come from variables too).</summary>
    public static IEnumerable<IValidationRule> RulesForKnownDocuments { get; } = [FieldArgumentsAreValidRule.Instance];

    /// <summary>The same for a GET request, which may only read.</summary>
    public static IEnumerable<IValidationRule> RulesForKnownDocumentsOverGet { get; } = [FieldArgumentsAreValidRule.Instance, QueriesOnlyValidationRule.Instance];

    public int Count => _documents.Count;

    public GraphQLDocument? Find(string? query, string? operationName) =>
        query is not null && _documents.TryGetValue((operationName, query), out var document) ? document : null;

    /// <summary>Keeps a document that has just passed every validation rule (its execution began).</summary>
    public void Remember(string query, string? operationName, GraphQLDocument document)
    {
        if (query.Length <= MaxLength && _documents.Count < Capacity)
        {
            _documents.TryAdd((operationName, query), document);
        }
    }
}
