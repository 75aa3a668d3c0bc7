using Entitle.Api.GraphQL.Passes;
using Entitle.Application.Passes;
using Entitle.Domain.Access;
using GraphQL.Types;

namespace Entitle.Api.GraphQL.Access;

public sealed class ContentAccessGraphType : ObjectGraphType<AccessDecision>
{
    public ContentAccessGraphType()
    {
        Name = "ContentAccess";
        Description = "Whether a learner may start some content at an instant, and why.";
        Field(d => d.Granted);
        Field<NonNullGraphType<ContentAccessReasonGraphType>>("reason").Resolve(c => c.Source.Reason);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TrainingPassGraphType>>>>("grantingPasses")
            .Description("Every pass that grants the access, the one ending soonest first.")
            .ResolveAsync(async c =>
            {
                var passes = await c.Service<PassQueries>().GetByIdsAsync(c.Caller(), c.Source.GrantingPassIds, c.CancellationToken);
                return c.Source.GrantingPassIds.Select(id => passes[id]).ToList();
            });
    }
}
