using GraphQL.Types;

namespace Entitle.Api.GraphQL.Passes;

public sealed class TrainingPassRevokeInputGraphType : InputObjectGraphType
{
    public TrainingPassRevokeInputGraphType()
    {
        Name = "TrainingPassRevokeInput";
        Field<NonNullGraphType<IdGraphType>>("trainingPassId");
    }
}
