using GraphQL.Types;

namespace Entitle.Api.GraphQL.PassTypes;

public sealed class TrainingPassTypeOptionPriceInputGraphType : InputObjectGraphType
{
    public TrainingPassTypeOptionPriceInputGraphType()
    {
        Name = "TrainingPassTypeOptionPriceInput";
        Field<NonNullGraphType<IdGraphType>>("trainingPassTypeOptionId");
        Field<IdGraphType>("regionId").Description("The region the price applies in; omit for every region.");
        Field<NonNullGraphType<StringGraphType>>("currencyCode").Description("ISO 4217, e.g. USD.");
        Field<NonNullGraphType<StringGraphType>>("amount").Description("A decimal with at most two places, as a string: \"99.90\".");
    }
}
