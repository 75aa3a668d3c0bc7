using GraphQL.Types;

namespace Entitle.Api.GraphQL.Passes;

public sealed class TrainingPassReassignInputGraphType : InputObjectGraphType
{
    public TrainingPassReassignInputGraphType()
    {
        Name = "TrainingPassReassignInput";
        Field<NonNullGraphType<IdGraphType>>("trainingPassId");
        Field<NonNullGraphType<IdGraphType>>("contactId").Description("The learner who holds the pass from now on.");
    }
}
