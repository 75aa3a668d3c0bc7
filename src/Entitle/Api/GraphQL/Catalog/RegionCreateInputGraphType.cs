using GraphQL.Types;

namespace Entitle.Api.GraphQL.Catalog;

public sealed class RegionCreateInputGraphType : InputObjectGraphType
{
    public RegionCreateInputGraphType()
    {
        Name = "RegionCreateInput";
        Field<NonNullGraphType<StringGraphType>>("code").Description("Letters, digits, '-' and '_'; the region's id is Region:<code>.");
        Field<NonNullGraphType<StringGraphType>>("name");
    }
}
