using Entitle.Api.GraphQL.Catalog;
using GraphQL.Types;

namespace Entitle.Api.GraphQL.PassTypes;

/// <summary>What a pass type's <c>content</c> holds: courses and learning paths, told apart by <c>__typename</c>.</summary>
public sealed class TrainingPassTypeContentGraphType : UnionGraphType
{
    public TrainingPassTypeContentGraphType()
    {
        Name = "TrainingPassTypeContent";
        Type<CourseTemplateGraphType>();
        Type<LearningPathGraphType>();
    }
}
