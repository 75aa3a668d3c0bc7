using GraphQL.Execution;
using ExecutionContext = GraphQL.Execution.ExecutionContext;

namespace Entitle.Api.GraphQL;

/// <summary>
/// Runs the operations inside each mutation namespace one at a time, each with its whole answer (batch-loaded
/// fields included) before the next begins. GraphQL makes only root mutation fields serial; Administrate's
/// operations sit one level down (<c>mutation { trainingPass { a: … b: … } }</c>), and without this an answer
/// could show a later operation's changes.
/// </summary>
public sealed class NamespacedMutationExecutionStrategy : SerialExecutionStrategy
{
    public override async Task ExecuteNodeTreeAsync(ExecutionContext context, ExecutionNode rootNode)
    {
        if (rootNode is not (RootExecutionNode and IParentExecutionNode root))
        {
            await base.ExecuteNodeTreeAsync(context, rootNode);
            return;
        }

        foreach (var namespaceNode in root.GetChildNodes().ToList())
        {
            await ExecuteNodeAsync(context, namespaceNode);
            if (namespaceNode is IParentExecutionNode operations)
            {
                foreach (var operation in operations.GetChildNodes().ToList())
                {
                    await base.ExecuteNodeTreeAsync(context, operation);
                }
            }
        }
    }
}
