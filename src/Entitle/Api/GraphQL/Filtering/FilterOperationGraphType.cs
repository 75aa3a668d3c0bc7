namespace Entitle.Api.GraphQL.Filtering;

public sealed class FilterOperationGraphType : LowerCaseEnumGraphType<FilterOperation>
{
    public FilterOperationGraphType() => Name = "FilterOperation";
}
