using GraphQL.Types;

namespace Entitle.Api.GraphQL.Filtering;

/// <summary><c>{field, operation, value, values}</c>, named after its field enum: <c>TrainingPassTypeFieldGraphFilter</c>.</summary>
public sealed class FieldGraphFilterGraphType<TFieldEnum> : InputObjectGraphType<FilterInput>
    where TFieldEnum : EnumerationGraphType
{
    public FieldGraphFilterGraphType()
    {
        Name = GraphTypeNames.Of(typeof(TFieldEnum)) + "GraphFilter";
        Field<NonNullGraphType<TFieldEnum>>("field");
        Field<NonNullGraphType<FilterOperationGraphType>>("operation");
        Field<StringGraphType>("value").Description("The value for eq, ne, gt, ge, lt, le, like and wordlike; always a string.");
        Field<ListGraphType<StringGraphType>>("values").Description("The values for in, notin and contains.");
    }
}
