namespace Entitle.Api.GraphQL.Filtering;

/// <summary>One entry of a <c>filters</c> argument, as the client wrote it.</summary>
public sealed class FilterInput
{
    public string Field { get; set; } = "";

    public FilterOperation Operation { get; set; }

    public string? Value { get; set; }

    public List<string?>? Values { get; set; }
}
