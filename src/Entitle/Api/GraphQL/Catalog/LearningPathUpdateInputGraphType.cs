using GraphQL.Types;

namespace Entitle.Api.GraphQL.Catalog;

public sealed class LearningPathUpdateInputGraphType : InputObjectGraphType
{
    public LearningPathUpdateInputGraphType()
    {
        Name = "LearningPathUpdateInput";
        Field<NonNullGraphType<IdGraphType>>("learningPathId");
        Field<StringGraphType>("code");
        Field<StringGraphType>("name");
        Field<StringGraphType>("description");
        Field<ListGraphType<NonNullGraphType<IdGraphType>>>("courseIds").Description("Replaces the path's courses.");
        Field<LifecycleStateGraphType>("lifecycleState");
    }
}
