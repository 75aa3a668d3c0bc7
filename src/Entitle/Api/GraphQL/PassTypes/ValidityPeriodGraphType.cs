using Entitle.Domain.PassTypes;
using GraphQL.Types;

namespace Entitle.Api.GraphQL.PassTypes;

public sealed class ValidityPeriodGraphType : ObjectGraphType<ValidityPeriod>
{
    public ValidityPeriodGraphType()
    {
        Name = "ValidityPeriod";
        Field<NonNullGraphType<PeriodUnitGraphType>>("unit").Resolve(c => c.Source.Unit);
        Field<NonNullGraphType<IntGraphType>>("value").Resolve(c => c.Source.Value);
    }
}
