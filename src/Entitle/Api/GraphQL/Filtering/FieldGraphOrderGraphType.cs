using GraphQL.Types;

namespace Entitle.Api.GraphQL.Filtering;

/// <summary><c>{field, direction}</c>, named after its field enum: <c>TrainingPassTypeFieldGraphOrder</c>.</summary>
public sealed class FieldGraphOrderGraphType<TFieldEnum> : InputObjectGraphType<OrderInput>
    where TFieldEnum : EnumerationGraphType
{
    public FieldGraphOrderGraphType()
    {
        Name = GraphTypeNames.Of(typeof(TFieldEnum)) + "GraphOrder";
        Field<NonNullGraphType<TFieldEnum>>("field");
        Field<OrderDirectionGraphType>("direction").DefaultValue(OrderDirection.Asc);
    }
}
