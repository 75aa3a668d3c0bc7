using Entitle.Domain.PassTypes;

namespace Entitle.Api.GraphQL.PassTypes;

public sealed class PeriodUnitGraphType : LowerCaseEnumGraphType<PeriodUnit>
{
    public PeriodUnitGraphType() => Name = "PeriodUnit";
}
