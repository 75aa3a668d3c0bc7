namespace Entitle.Web.Explorer;

/// <summary>The explorer form's inputs, by the ids its errors are kept under.</summary>
public static class GraphQLExplorerFields
{
    public const string Credential = "credential";
    public const string Query = "query";
    public const string Variables = "variables";
    public const string OperationName = "operationName";
}
