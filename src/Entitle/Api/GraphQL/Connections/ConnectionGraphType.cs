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
            .Resolve(c => Edges(c.Source));
        Field<NonNullGraphType<PageInfoGraphType>>("pageInfo").Resolve(c => c.Source);
    }

    /// <summary>The page's edges in an array of their exact number: a catalog page has a hundred connections of twenty.</summary>
    private static Edge[] Edges(ListPage page)
    {
        var edges = new Edge[page.Nodes.Count];
        for (var i = 0; i < edges.Length; i++)
        {
            edges[i] = new Edge(page.Nodes[i], page.StartIndex + i);
        }

        return edges;
    }
}
