namespace Entitle.Tests.Hardening.Hostile;

/// <summary>How an API must answer a hostile request: its own error shape, or (for harmless reads) nothing found.</summary>
public enum HostileConvention
{
    /// <summary><c>{"errors": [{"message": …}]}</c>, and no data but nulls.</summary>
    GraphQLErrors,

    /// <summary>HTTP 200, no errors, and the list holds nothing: the hostile filter value was data, never SQL.</summary>
    GraphQLEmptyList,

    /// <summary>Either of the two above: which one depends on the field's type (text compares, ids do not parse).</summary>
    GraphQLErrorsOrEmptyList,

    /// <summary>A mutation refused: top-level <c>errors</c>, or every payload with a null object and an <c>errors</c> entry.</summary>
    GraphQLRefusal,

    /// <summary><c>{"Status": non-zero, "Error": "a sentence"}</c> (lower-case for the methods the vendor writes so).</summary>
    TmsError,

    /// <summary><c>Status</c> 0, <c>TotalCount</c> 0 and no <c>Results</c>: the hostile search value matched nothing.</summary>
    TmsEmptySearch,

    /// <summary><c>Status</c> 0 and no <c>Results</c>: a page past the last one.</summary>
    TmsEmptyPage,

    /// <summary>Either of the search answers above, or an error, depending on the parameter's type.</summary>
    TmsErrorOrEmptySearch,

    /// <summary>
    /// Refused by the HTTP server before any endpoint runs (an over-long request line, say): a 4xx, whatever its body.
    /// </summary>
    Transport,
}
