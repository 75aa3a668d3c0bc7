using GraphQL.Types;

namespace Entitle.Api.GraphQL.Connections;

/// <summary>A list in Administrate's shape: <c>edges { node cursor }</c> and <c>pageInfo { … totalRecords }</c>.</summary>
public sealed class ConnectionGraphType<TNodeGraphType> : ObjectGraphType<ListPage>
    where TNodeGraphType : IGraphType
{
    public ConnectionGraphType()
    {
        Name = GraphTypeNames.Of(typeof(TNodeGraphType)) + "Connection";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EdgeGraphType<TNodeGraphType>>>>>("edges")
            .Resolve(c => c.Source.Nodes.Select((node, i) => new Edge(node, c.Source.StartIndex + i)).ToList());
        Field<NonNullGraphType<PageInfoGraphType>>("pageInfo").Resolve(c => c.Source);
    }
}
