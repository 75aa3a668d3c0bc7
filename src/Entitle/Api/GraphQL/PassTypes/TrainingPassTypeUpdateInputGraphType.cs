using GraphQL.Types;

namespace Entitle.Api.GraphQL.PassTypes;

public sealed class TrainingPassTypeUpdateInputGraphType : InputObjectGraphType
{
    public TrainingPassTypeUpdateInputGraphType()
    {
        Name = "TrainingPassTypeUpdateInput";
        Field<NonNullGraphType<IdGraphType>>("trainingPassTypeId");
        Field<StringGraphType>("code");
        Field<StringGraphType>("name");
        Field<StringGraphType>("description");
        Field<LifecycleStateGraphType>("lifecycleState").Description("published needs a published option; nothing returns to draft.");
    }
}
