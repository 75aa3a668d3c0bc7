using GraphQL.Types;

namespace Entitle.Api.GraphQL.Passes;

public sealed class TrainingPassRedeemKeyInputGraphType : InputObjectGraphType
{
    public TrainingPassRedeemKeyInputGraphType()
    {
        Name = "TrainingPassRedeemKeyInput";
        Field<NonNullGraphType<StringGraphType>>("trainingKey").Description("The subscription training key, ignoring case and surrounding spaces.");
        Field<NonNullGraphType<IdGraphType>>("contactId").Description("The learner, inside the key's organization.");
    }
}
