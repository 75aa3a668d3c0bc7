namespace Entitle.Api.GraphQL.Filtering;

public enum OrderDirection
{
    Asc,
    Desc,
}
