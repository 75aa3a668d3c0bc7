namespace Entitle.Api.GraphQL.Filtering;

/// <summary>The filter operations of Administrate's lists; members are named so that lower-casing the first letter gives the wire spelling.</summary>
public enum FilterOperation
{
    Eq,
    Ne,
    Gt,
    Ge,
    Lt,
    Le,
    Like,
    Wordlike,
    In,
    Notin,
    Contains,
    Isnull,
    Notnull,
}
