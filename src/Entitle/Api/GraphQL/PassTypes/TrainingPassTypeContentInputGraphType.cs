using GraphQL.Types;

namespace Entitle.Api.GraphQL.PassTypes;

/// <summary>The input of <c>addContentToPassType</c> and <c>removeContentFromPassType</c>.</summary>
public sealed class TrainingPassTypeContentInputGraphType : InputObjectGraphType
{
    public TrainingPassTypeContentInputGraphType()
    {
        Name = "TrainingPassTypeContentInput";
        Field<NonNullGraphType<IdGraphType>>("trainingPassTypeId");
        Field<ListGraphType<NonNullGraphType<IdGraphType>>>("courseIds").Description("CourseTemplate ids.");
        Field<ListGraphType<NonNullGraphType<IdGraphType>>>("pathIds").Description("LearningPath ids.");
    }
}
