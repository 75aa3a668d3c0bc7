namespace Entitle.Domain.Catalog;

/// <summary>One course at one position of a learning path.</summary>
public sealed class LearningPathCourse
{
    private LearningPathCourse()
    {
    }

    internal LearningPathCourse(int courseTemplateId, int position)
    {
        CourseTemplateId = courseTemplateId;
        Position = position;
    }

    public int LearningPathId { get; private set; }

    public int CourseTemplateId { get; private set; }

    public CourseTemplate? CourseTemplate { get; private set; }

    public int Position { get; private set; }

    internal void MoveTo(int position) => Position = position;
}
