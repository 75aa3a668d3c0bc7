namespace Entitle.Domain.Catalog;

/// <summary>An ordered list of courses; a pass that holds the path grants each of its courses.</summary>
public sealed class LearningPath
{
    private readonly List<LearningPathCourse> _courses = [];

    private LearningPath()
    {
    }

    public int Id { get; private set; }

    public int OrganizationId { get; private set; }

    public string Code { get; private set; } = "";

    public string Name { get; private set; } = "";

    public string? Description { get; private set; }

    public LifecycleState LifecycleState { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public IReadOnlyList<LearningPathCourse> Courses => _courses;

    /// <summary>
    /// A stored path as read from its row by a statement that does not go through EF Core, without its courses (as
    /// EF Core reads it unless they are included). No rule is checked: the row was stored by the rules.
    /// </summary>
    public static LearningPath Restore(int id, int organizationId, string code, string name, string? description, LifecycleState state, DateTime createdAt, DateTime updatedAt) => new()
    {
        Id = id,
        OrganizationId = organizationId,
        Code = code,
        Name = name,
        Description = description,
        LifecycleState = state,
        CreatedAt = createdAt,
        UpdatedAt = updatedAt,
    };

    public static LearningPath Create(int organizationId, string? code, string? name, string? description, DateTime now) => new()
    {
        OrganizationId = organizationId,
        Code = InputText.Required(code, "code", 100),
        Name = InputText.Required(name, "name", 300),
        Description = InputText.Optional(description, "description", 4000, multiline: true),
        LifecycleState = LifecycleState.Draft,
        CreatedAt = now,
        UpdatedAt = now,
    };

    public void Update(string? code, string? name, string? description, LifecycleState? state, DateTime now)
    {
        if (code is not null)
        {
            Code = InputText.Required(code, "code", 100);
        }

        if (name is not null)
        {
            Name = InputText.Required(name, "name", 300);
        }

        if (description is not null)
        {
            Description = InputText.Optional(description, "description", 4000, multiline: true);
        }

        if (state is { } target)
        {
            Lifecycle.EnsureAllowed(LifecycleState, target, "learning path");
            LifecycleState = target;
        }

        UpdatedAt = now;
    }

    /// <summary>Replaces the course list; the order given is the order learners follow.</summary>
    public void SetCourses(IReadOnlyList<int> courseIds, DateTime now)
    {
        var duplicate = courseIds.GroupBy(id => id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new DomainRuleException("courseIds", "A course can appear only once in a learning path.", duplicate.Key.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        _courses.RemoveAll(c => !courseIds.Contains(c.CourseTemplateId));
        for (var i = 0; i < courseIds.Count; i++)
        {
            var existing = _courses.Find(c => c.CourseTemplateId == courseIds[i]);
            if (existing is null)
            {
                _courses.Add(new LearningPathCourse(courseIds[i], i));
            }
            else
            {
                existing.MoveTo(i);
            }
        }

        UpdatedAt = now;
    }
}
