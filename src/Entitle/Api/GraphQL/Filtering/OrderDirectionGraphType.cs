namespace Entitle.Api.GraphQL.Filtering;

public sealed class OrderDirectionGraphType : LowerCaseEnumGraphType<OrderDirection>
{
    public OrderDirectionGraphType() => Name = "OrderDirection";
}
