using GraphQL.Types;

namespace Entitle.Api.GraphQL.Catalog;

/// <summary>What an amount is counted in; currencies are the only kind Entitle prices in.</summary>
public sealed class FinancialUnitGraphType : InterfaceGraphType
{
    public FinancialUnitGraphType()
    {
        Name = "FinancialUnit";
        Field<NonNullGraphType<StringGraphType>>("name");
    }
}
