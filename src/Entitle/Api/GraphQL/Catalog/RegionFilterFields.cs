using System.Linq.Expressions;
using Entitle.Api.GraphQL.Filtering;
using Entitle.Domain.Catalog;

namespace Entitle.Api.GraphQL.Catalog;

public sealed class RegionFilterFields : FilterFieldSet<Region>
{
    public static RegionFilterFields Instance { get; } = new();

    public override LambdaExpression DefaultOrder { get; } = Key(r => r.Code);

    public override IReadOnlyList<FilterField<Region>> Fields(FilterScope scope) =>
    [
        FilterField<Region>.Of("id", r => r.Code, FilterValueKind.StringId, GlobalId.Region),
        FilterField<Region>.Of("code", r => r.Code, FilterValueKind.Text),
        FilterField<Region>.Of("name", r => r.Name, FilterValueKind.Text),
    ];
}
