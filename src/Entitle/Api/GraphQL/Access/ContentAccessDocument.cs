using GraphQLParser.AST;

namespace Entitle.Api.GraphQL.Access;

/// <summary>
/// Recognizes the document a learning platform sends on every course launch: a query whose only root field is
/// <c>contentAccess</c>. Such a document runs before the credential is looked up, and the check's own statement
/// checks it (<see cref="EntitleUserContext"/>): one round trip instead of two. Any other document has its caller
/// looked up first.
/// </summary>
public static class ContentAccessDocument
{
    public static bool IsOnlyContentAccess(GraphQLDocument document, string? operationName)
    {
        var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        var operation = string.IsNullOrEmpty(operationName)
            ? operations.Count == 1 ? operations[0] : null
            : operations.FirstOrDefault(o => o.Name is { } name && name == operationName);
        return operation is { Operation: OperationType.Query, Directives: null or { Count: 0 } }
            && operation.SelectionSet.Selections is [GraphQLField { Directives: null or { Count: 0 } } field]
            && field.Name == "contentAccess";
    }
}
