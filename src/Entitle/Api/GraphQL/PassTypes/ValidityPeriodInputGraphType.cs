using GraphQL.Types;

namespace Entitle.Api.GraphQL.PassTypes;

public sealed class ValidityPeriodInputGraphType : InputObjectGraphType
{
    public ValidityPeriodInputGraphType()
    {
        Name = "ValidityPeriodInput";
        Field<NonNullGraphType<PeriodUnitGraphType>>("unit");
        Field<NonNullGraphType<IntGraphType>>("value").Description("A positive whole number of units.");
    }
}
