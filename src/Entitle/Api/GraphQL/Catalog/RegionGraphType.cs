using Entitle.Domain.Catalog;
using GraphQL.Types;

namespace Entitle.Api.GraphQL.Catalog;

public sealed class RegionGraphType : ObjectGraphType<Region>
{
    public RegionGraphType()
    {
        Name = "Region";
        Interface<NodeGraphType>();
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => GlobalId.Encode(GlobalId.Region, c.Source.Code));
        Field(r => r.Code);
        Field(r => r.Name);
    }
}
