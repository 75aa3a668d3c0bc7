using GraphQLParser.AST;

namespace Entitle.Api.GraphQL.Access;

/// <summary>
/// Recognizes the document a learning platform sends on every course launch: a query whose only root field is
/// <c>contentAccess</c>. Such a document runs before the credential is looked up, and the check's own statement
/// checks it (<see cref="CredentialCheckingDocument"/>).
/// </summary>
public static class ContentAccessDocument
{
    public static bool IsOnlyContentAccess(GraphQLOperationDefinition operation) =>
        operation is { Operation: OperationType.Query, Directives: null or { Count: 0 } }
        && operation.SelectionSet.Selections is [GraphQLField { Directives: null or { Count: 0 } } field]
        && field.Name == "contentAccess";
}
