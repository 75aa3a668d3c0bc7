using Entitle.Api.GraphQL.Passes;
using Entitle.Application.Access;
using Entitle.Application.Passes;
using GraphQL.Types;

namespace Entitle.Api.GraphQL.Access;

public sealed class ContentAccessGraphType : ObjectGraphType<ContentAccess>
{
    public ContentAccessGraphType()
    {
        Name = "ContentAccess";
        Description = "Whether a learner may start some content at an instant, and why.";
        Field<NonNullGraphType<BooleanGraphType>>("granted").Resolve(c => c.Source.Decision.Granted);
        Field<NonNullGraphType<ContentAccessReasonGraphType>>("reason").Resolve(c => c.Source.Decision.Reason);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TrainingPassGraphType>>>>("grantingPasses")
            .Description("Every pass that grants the access, the one ending soonest first.")
            .ResolveAsync(async c =>
            {
                // The check read the learner's passes whole (a course): no statement of its own.
                var ids = c.Source.Decision.GrantingPassIds;
                var passes = c.Source.Passes ?? await c.Service<PassQueries>().GetByIdsAsync(c.Caller(), ids, c.CancellationToken);
                return ids.Select(id => passes[id]).ToList();
            });
    }
}
