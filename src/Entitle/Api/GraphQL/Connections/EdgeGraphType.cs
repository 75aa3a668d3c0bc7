using GraphQL.Types;

namespace Entitle.Api.GraphQL.Connections;

public sealed class EdgeGraphType<TNodeGraphType> : ObjectGraphType<Edge>
    where TNodeGraphType : IGraphType
{
    public EdgeGraphType()
    {
        Name = GraphTypeNames.Of(typeof(TNodeGraphType)) + "Edge";
        Field<NonNullGraphType<TNodeGraphType>>("node").Resolve(c => c.Source.Node);
        Field<NonNullGraphType<StringGraphType>>("cursor").Resolve(c => c.Source.Cursor);
    }
}
