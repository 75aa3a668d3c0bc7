using GraphQL.Types;

namespace Entitle.Web.Explorer;

/// <summary>
/// A field's type as GraphQL writes it, split around the one named type it wraps (<c>[</c> <c>Contact</c>
/// <c>!]!</c>) so that a page can link the name to its own page.
/// </summary>
public sealed record GraphTypeNotation(string Prefix, IGraphType Named, string Suffix)
{
    public static GraphTypeNotation Of(IGraphType type)
    {
        switch (type)
        {
            case NonNullGraphType { ResolvedType: { } inner }:
                var nonNull = Of(inner);
                return nonNull with { Suffix = nonNull.Suffix + "!" };
            case ListGraphType { ResolvedType: { } inner }:
                var list = Of(inner);
                return list with { Prefix = "[" + list.Prefix, Suffix = list.Suffix + "]" };
            default:
                return new GraphTypeNotation("", type, "");
        }
    }
}
