using Entitle.Domain.Catalog;
using GraphQL.Types;

namespace Entitle.Api.GraphQL.Catalog;

public sealed class CurrencyGraphType : ObjectGraphType<Currency>
{
    public CurrencyGraphType()
    {
        Name = "Currency";
        Interface<FinancialUnitGraphType>();
        Field(c => c.Name).Description("The English name, as invoices read: \"U.S. Dollars\".");
        Field(c => c.Code).Description("The ISO 4217 code.");
        Field(c => c.Symbol);
    }
}
