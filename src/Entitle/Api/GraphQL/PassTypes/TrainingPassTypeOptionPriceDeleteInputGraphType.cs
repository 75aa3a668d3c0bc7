using GraphQL.Types;

namespace Entitle.Api.GraphQL.PassTypes;

public sealed class TrainingPassTypeOptionPriceDeleteInputGraphType : InputObjectGraphType
{
    public TrainingPassTypeOptionPriceDeleteInputGraphType()
    {
        Name = "TrainingPassTypeOptionPriceDeleteInput";
        Field<NonNullGraphType<IdGraphType>>("trainingPassTypeOptionPriceId");
    }
}
