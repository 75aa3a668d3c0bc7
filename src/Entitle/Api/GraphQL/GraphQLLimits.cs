namespace Entitle.Api.GraphQL;

/// <summary>The <c>GraphQL</c> configuration section: how big, deep and long a request may be.</summary>
public sealed class GraphQLLimits
{
    public const string Section = "GraphQL";

    /// <summary>Largest request body accepted, in bytes.</summary>
    public int MaxRequestBytes { get; set; } = 256 * 1024;

    /// <summary>Deepest selection nesting accepted. The seed's deepest document needs 11.</summary>
    public int MaxDepth { get; set; } = 20;

    /// <summary>Largest estimated cost of a document (GraphQL.NET's complexity analysis); the seed's search at first: 100 fits well inside.</summary>
    public int MaxComplexity { get; set; } = 1_000_000;

    /// <summary>Most field selections in one document (fragments counted once).</summary>
    public int MaxFields { get; set; } = 1000;

    /// <summary>
    /// Most definitions, variables, selections, arguments, literal values and directives in one document, each fragment counted
    /// wherever it is spread; checked before validation, whose work grows with the square of them. Twice
    /// <see cref="MaxFields"/>, so that a document at the field limit is still judged, and answered, by that rule.
    /// </summary>
    public int MaxDocumentNodes { get; set; } = 2000;

    /// <summary>Most aliased fields in one document.</summary>
    public int MaxAliases { get; set; } = 100;

    /// <summary>Longest a document may run before it is cancelled with a TIMEOUT error.</summary>
    public TimeSpan ExecutionTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
