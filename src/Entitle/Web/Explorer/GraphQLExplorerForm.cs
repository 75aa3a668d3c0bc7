namespace Entitle.Web.Explorer;

/// <summary>What the explorer's form posts. The credential is read for one run and never written back into a page.</summary>
public sealed class GraphQLExplorerForm
{
    public string? Query { get; set; }

    /// <summary>A JSON object, as the API's <c>variables</c>.</summary>
    public string? Variables { get; set; }

    public string? OperationName { get; set; }

    public string? Credential { get; set; }
}
