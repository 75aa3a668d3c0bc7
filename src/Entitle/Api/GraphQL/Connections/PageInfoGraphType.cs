using GraphQL.Types;

namespace Entitle.Api.GraphQL.Connections;

public sealed class PageInfoGraphType : ObjectGraphType<ListPage>
{
    public PageInfoGraphType()
    {
        Name = "PageInfo";
        Field<string>("startCursor", nullable: true).Resolve(c => c.Source.Nodes.Count == 0 ? null : Cursors.Encode(c.Source.StartIndex));
        Field<string>("endCursor", nullable: true).Resolve(c => c.Source.Nodes.Count == 0 ? null : Cursors.Encode(c.Source.StartIndex + c.Source.Nodes.Count - 1));
        Field<bool>("hasNextPage").Resolve(c => c.Source.StartIndex + c.Source.Nodes.Count < Total(c.Source));
        Field<bool>("hasPreviousPage").Resolve(c => c.Source.StartIndex > 0);
        Field<int>("totalRecords").Description("How many items match, on every page together.").Resolve(c => Total(c.Source));
    }

    private static int Total(ListPage page) =>
        page.TotalRecords ?? throw new InvalidOperationException("The list was not counted although pageInfo was asked for.");
}
