using GraphQL.Types;

namespace Entitle.Api.GraphQL;

public sealed class EntitleSchema : Schema
{
    public EntitleSchema(IServiceProvider services, QueryGraphType query, MutationGraphType mutation)
        : base(services)
    {
        Query = query;
        Mutation = mutation;
    }
}
