using GraphQLParser.AST;

namespace Entitle.Api.GraphQL.Passes;

/// <summary>
/// Recognizes the document a shop sends for each sale: a mutation whose only root field is <c>trainingPass</c> and
/// whose only operation there is <c>issuePass</c>. Such a document runs before the credential is looked up, and the
/// use case's first statement checks it (<see cref="Application.Passes.PassService.IssueForCredentialAsync"/>).
/// </summary>
public static class IssuePassDocument
{
    public static bool IsOnlyIssuePass(GraphQLOperationDefinition operation) =>
        operation is { Operation: OperationType.Mutation, Directives: null or { Count: 0 } }
        && operation.SelectionSet.Selections is [GraphQLField { Directives: null or { Count: 0 }, SelectionSet: { } inner } root]
        && root.Name == "trainingPass"
        && inner.Selections is [GraphQLField { Directives: null or { Count: 0 } } field]
        && field.Name == "issuePass";
}
