using Entitle.Api.GraphQL.Access;
using Entitle.Api.GraphQL.Passes;
using GraphQLParser;
using GraphQLParser.AST;

namespace Entitle.Api.GraphQL;

/// <summary>
/// The documents that run before their credential is looked up, because the one use case they ask for checks the
/// credential in its own first statement: one round trip fewer on the two hottest paths, a course launch
/// (<see cref="ContentAccessDocument"/>) and a sale (<see cref="IssuePassDocument"/>). Any other document has its
/// caller looked up first. Either way an unknown or revoked credential is answered 401 (<see cref="GraphQLEndpoint"/>).
/// </summary>
public static class CredentialCheckingDocument
{
    public static bool ChecksCredentialItself(GraphQLDocument document, string? operationName) =>
        Operation(document, operationName) is { } operation
        && (ContentAccessDocument.IsOnlyContentAccess(operation) || IssuePassDocument.IsOnlyIssuePass(operation));

    /// <summary>The operation the request runs: the named one, or the only one; null when there is no such operation.</summary>
    private static GraphQLOperationDefinition? Operation(GraphQLDocument document, string? operationName) =>
        string.IsNullOrEmpty(operationName)
            ? document.OperationsCount() == 1 ? document.OperationWithName(default) : null
            : document.OperationWithName(operationName);
}
