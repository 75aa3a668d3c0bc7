using GraphQL.Validation;
using GraphQLParser.AST;

namespace Entitle.Api.GraphQL;

/// <summary>Refuses mutations sent with GET, which must stay free of side effects (links, prefetches, caches).</summary>
public sealed class QueriesOnlyValidationRule : ValidationRuleBase
{
    public static QueriesOnlyValidationRule Instance { get; } = new();

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        if (context.Operation.Operation != OperationType.Query)
        {
            context.ReportError(new ValidationError("Only queries may be sent with GET; send mutations with POST.") { Code = "GET_MUTATION" });
        }

        return default;
    }
}
