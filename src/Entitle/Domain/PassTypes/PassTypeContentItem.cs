namespace Entitle.Domain.PassTypes;

using Entitle.Domain.Catalog;

/// <summary>One course or one learning path included in a pass type; exactly one of the two ids is set.</summary>
public sealed class PassTypeContentItem
{
    private PassTypeContentItem()
    {
    }

    internal PassTypeContentItem(int? courseTemplateId, int? learningPathId)
    {
        CourseTemplateId = courseTemplateId;
        LearningPathId = learningPathId;
    }

    public int Id { get; private set; }

    public int PassTypeId { get; private set; }

    public int? CourseTemplateId { get; private set; }

    public CourseTemplate? CourseTemplate { get; private set; }

    public int? LearningPathId { get; private set; }

    public LearningPath? LearningPath { get; private set; }
}
