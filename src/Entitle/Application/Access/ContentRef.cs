namespace Entitle.Application.Access;

/// <summary>
/// A course or a learning path, by id: the content access is asked for, or one item of a pass type's content. A value,
/// not an object: a catalog page reads thousands of them.
/// </summary>
public readonly record struct ContentRef(int? CourseTemplateId, int? LearningPathId)
{
    public static ContentRef Course(int id) => new(id, null);

    public static ContentRef Path(int id) => new(null, id);
}
