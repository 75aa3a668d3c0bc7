using System.Collections.Concurrent;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQL.Validation.Complexity;
using GraphQL.Validation.Rules;
using GraphQL.Validation.Rules.Custom;
using GraphQLParser.AST;

namespace Entitle.Api.GraphQL;

/// <summary>
/// The validation rules a document runs under, and the documents that already passed them, by their text and
/// operation name. An integrator sends the same few documents again and again (with new variables); parsing one and
/// running GraphQL.NET's 27 validation rules over it cost more CPU than answering a small query (docs/benchmarks.md).
/// Most rules read only the document, so a document that passed once is not checked by them again; what can change
/// with the request still runs every time (<see cref="KnownDocument"/>): the variables' and arguments' values
/// (GraphQL.NET always coerces them), argument validators if the schema has any, the complexity and depth limits
/// when the variables can move them (<see cref="ComplexityInputs"/>), and over GET the read-only rule. A document
/// that needs none of these is not walked by the validator at all. Bounded: documents longer than
/// <see cref="MaxLength"/> are not kept, and once <see cref="Capacity"/> are kept no more are (no eviction to
/// thrash; a real client's set of documents is small).
/// </summary>
public sealed class ValidatedDocuments
{
    public const int Capacity = 500;

    public const int MaxLength = 8 * 1024;

    private readonly ConcurrentDictionary<(string? Operation, string Query), KnownDocument> _documents = new();

    private readonly ComplexityValidationRule _complexity;

    private readonly IValidationRule[] _forNewDocuments;

    private readonly IValidationRule[] _forNewDocumentsOverGet;

    /// <summary>Read from the schema when the first document is kept: by then an execution has initialized it.</summary>
    private readonly Lazy<(bool ArgumentValidators, bool OwnImpacts)> _schemaTraits;

    public ValidatedDocuments(GraphQLLimits limits, ISchema schema)
    {
        _schemaTraits = new(() => (schema.GetMetadata<bool>(FieldArgumentsAreValidRule.HAS_FIELD_ARGUMENT_VALIDATION_KEY), ComplexityInputs.SchemaHasOwnImpacts(schema)));
        _complexity = new ComplexityValidationRule(new ComplexityOptions { MaxDepth = limits.MaxDepth, MaxComplexity = limits.MaxComplexity });
        _forNewDocuments = [.. DocumentValidator.CoreRules, new DocumentSizeValidationRule(limits.MaxFields, limits.MaxAliases), _complexity];
        _forNewDocumentsOverGet = [.. _forNewDocuments, QueriesOnlyValidationRule.Instance];
    }

    public int Count => _documents.Count;

    /// <summary>Every rule: for a document not seen before.</summary>
    public IEnumerable<IValidationRule> ForNewDocuments(bool overGet) => overGet ? _forNewDocumentsOverGet : _forNewDocuments;

    public KnownDocument? Find(string? query, string? operationName) =>
        query is not null && _documents.TryGetValue((operationName, query), out var known) ? known : null;

    /// <summary>Keeps a document that has just passed every validation rule (its execution began).</summary>
    public void Remember(string query, string? operationName, GraphQLDocument document)
    {
        if (query.Length <= MaxLength && _documents.Count < Capacity)
        {
            _documents.TryAdd((operationName, query), Know(document));
        }
    }

    private KnownDocument Know(GraphQLDocument document)
    {
        var traits = _schemaTraits.Value;
        var rules = new List<IValidationRule>();
        if (traits.ArgumentValidators)
        {
            rules.Add(FieldArgumentsAreValidRule.Instance);
        }

        if (traits.OwnImpacts || ComplexityInputs.DependOnVariables(document))
        {
            rules.Add(_complexity);
        }

        return new KnownDocument(document, [.. rules], [.. rules, QueriesOnlyValidationRule.Instance]);
    }
}
