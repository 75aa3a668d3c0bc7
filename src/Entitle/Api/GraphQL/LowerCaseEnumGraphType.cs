using GraphQL.Types;

namespace Entitle.Api.GraphQL;

/// <summary>
/// An enum whose values are spelled as Administrate spells them, in lower camel case (<c>published</c>,
/// <c>months</c>, <c>notin</c>); GraphQL.NET's default CONSTANT_CASE would refuse the seed's documents.
/// </summary>
public class LowerCaseEnumGraphType<TEnum> : EnumerationGraphType<TEnum>
    where TEnum : Enum
{
    protected override string ChangeEnumCase(string val) => char.ToLowerInvariant(val[0]) + val[1..];
}
