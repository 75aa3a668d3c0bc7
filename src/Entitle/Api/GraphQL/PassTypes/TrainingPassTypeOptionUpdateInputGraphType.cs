using GraphQL.Types;

namespace Entitle.Api.GraphQL.PassTypes;

public sealed class TrainingPassTypeOptionUpdateInputGraphType : InputObjectGraphType
{
    public TrainingPassTypeOptionUpdateInputGraphType()
    {
        Name = "TrainingPassTypeOptionUpdateInput";
        Field<NonNullGraphType<IdGraphType>>("trainingPassTypeOptionId");
        Field<StringGraphType>("name");
        Field<ValidityPeriodInputGraphType>("validityPeriod").Description("Applies to passes issued or renewed from now on.");
        Field<LifecycleStateGraphType>("lifecycleState");
    }
}
