using Entitle.Domain.Passes;

namespace Entitle.Api.GraphQL.Passes;

public sealed class TrainingPassLifecycleStateGraphType : LowerCaseEnumGraphType<PassLifecycleState>
{
    public TrainingPassLifecycleStateGraphType() => Name = "TrainingPassLifecycleState";
}
