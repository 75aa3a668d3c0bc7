using GraphQL.Types;

namespace Entitle.Api.GraphQL.Catalog;

public sealed class LearningPathCreateInputGraphType : InputObjectGraphType
{
    public LearningPathCreateInputGraphType()
    {
        Name = "LearningPathCreateInput";
        Field<NonNullGraphType<StringGraphType>>("code");
        Field<NonNullGraphType<StringGraphType>>("name");
        Field<StringGraphType>("description");
        Field<ListGraphType<NonNullGraphType<IdGraphType>>>("courseIds").Description("The path's courses, in the order learners follow them.");
        Field<LifecycleStateGraphType>("lifecycleState").Description("Defaults to draft.");
    }
}
