namespace Entitle.Application.Access;

/// <summary>The content access is asked for: a course or a learning path.</summary>
public sealed record ContentRef(int? CourseTemplateId, int? LearningPathId)
{
    public static ContentRef Course(int id) => new(id, null);

    public static ContentRef Path(int id) => new(null, id);
}
