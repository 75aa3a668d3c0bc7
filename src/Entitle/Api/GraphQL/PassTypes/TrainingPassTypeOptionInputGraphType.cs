using GraphQL.Types;

namespace Entitle.Api.GraphQL.PassTypes;

public sealed class TrainingPassTypeOptionInputGraphType : InputObjectGraphType
{
    public TrainingPassTypeOptionInputGraphType()
    {
        Name = "TrainingPassTypeOptionInput";
        Field<NonNullGraphType<IdGraphType>>("trainingPassTypeId");
        Field<NonNullGraphType<StringGraphType>>("name");
        Field<NonNullGraphType<ValidityPeriodInputGraphType>>("validityPeriod");
    }
}
