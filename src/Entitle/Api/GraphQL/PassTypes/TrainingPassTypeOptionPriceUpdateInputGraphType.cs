using GraphQL.Types;

namespace Entitle.Api.GraphQL.PassTypes;

public sealed class TrainingPassTypeOptionPriceUpdateInputGraphType : InputObjectGraphType
{
    public TrainingPassTypeOptionPriceUpdateInputGraphType()
    {
        Name = "TrainingPassTypeOptionPriceUpdateInput";
        Field<NonNullGraphType<IdGraphType>>("trainingPassTypeOptionPriceId");
        Field<StringGraphType>("amount");
    }
}
