namespace Entitle.Domain.PassTypes;

/// <summary>
/// A bundle of courses and learning paths sold as time-boxed access (a TrainingPassType over GraphQL, a
/// subscription profile over TMS). It can be issued only while published, and published only while at least
/// one of its options is.
/// </summary>
public sealed class PassType
{
    public const int CodeMaxLength = 100;
    public const int NameMaxLength = 200;
    public const int DescriptionMaxLength = 4000;

    private readonly List<PassTypeOption> _options = [];
    private readonly List<PassTypeContentItem> _content = [];

    private PassType()
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

    public IReadOnlyList<PassTypeOption> Options => _options;

    public IReadOnlyList<PassTypeContentItem> Content => _content;

    /// <summary>The option TMS calls the profile's Duration and Price: the first published option.</summary>
    public PassTypeOption? DefaultOption =>
        _options.Where(o => o.LifecycleState == LifecycleState.Published).OrderBy(o => o.Id).FirstOrDefault();

    /// <summary>A type as stored, without its options or content (add options with <see cref="PassTypeOption.Restore"/>), for reads written by hand.</summary>
    public static PassType Restore(int id, int organizationId, string code, string name, string? description, LifecycleState lifecycleState, DateTime createdAt, DateTime updatedAt) => new()
    {
        Id = id,
        OrganizationId = organizationId,
        Code = code,
        Name = name,
        Description = description,
        LifecycleState = lifecycleState,
        CreatedAt = createdAt,
        UpdatedAt = updatedAt,
    };

    public static PassType Create(int organizationId, string? code, string? name, string? description, DateTime now) => new()
    {
        OrganizationId = organizationId,
        Code = InputText.Required(code, "code", CodeMaxLength),
        Name = InputText.Required(name, "name", NameMaxLength),
        Description = InputText.Optional(description, "description", DescriptionMaxLength, multiline: true),
        LifecycleState = LifecycleState.Draft,
        CreatedAt = now,
        UpdatedAt = now,
    };

    public void Rename(string? code, string? name, string? description, DateTime now)
    {
        if (code is not null)
        {
            Code = InputText.Required(code, "code", CodeMaxLength);
        }

        if (name is not null)
        {
            Name = InputText.Required(name, "name", NameMaxLength);
        }

        if (description is not null)
        {
            Description = InputText.Optional(description, "description", DescriptionMaxLength, multiline: true);
        }

        UpdatedAt = now;
    }

    /// <summary>Moves the type through its lifecycle; needs <see cref="Options"/> loaded.</summary>
    public void ChangeLifecycle(LifecycleState target, DateTime now)
    {
        Lifecycle.EnsureAllowed(LifecycleState, target, "training pass type");
        if (target == LifecycleState.Published && LifecycleState != LifecycleState.Published
            && !_options.Any(o => o.LifecycleState == LifecycleState.Published))
        {
            throw new DomainRuleException(
                "lifecycleState",
                "A training pass type can be published only when it has at least one published option.",
                "published");
        }

        LifecycleState = target;
        UpdatedAt = now;
    }

    public PassTypeOption AddOption(string? name, ValidityPeriod period, DateTime now)
    {
        var option = PassTypeOption.Create(this, name, period, now);
        _options.Add(option);
        UpdatedAt = now;
        return option;
    }

    /// <summary>Adds courses and paths not yet included; ones already included are left as they are.</summary>
    public void AddContent(IEnumerable<int> courseTemplateIds, IEnumerable<int> learningPathIds, DateTime now)
    {
        foreach (var id in courseTemplateIds.Distinct())
        {
            if (!_content.Any(c => c.CourseTemplateId == id))
            {
                _content.Add(new PassTypeContentItem(id, null));
            }
        }

        foreach (var id in learningPathIds.Distinct())
        {
            if (!_content.Any(c => c.LearningPathId == id))
            {
                _content.Add(new PassTypeContentItem(null, id));
            }
        }

        UpdatedAt = now;
    }

    /// <summary>Removes content; naming something the type does not include is an error, so typos surface.</summary>
    public void RemoveContent(IReadOnlyCollection<int> courseTemplateIds, IReadOnlyCollection<int> learningPathIds, DateTime now)
    {
        var missingCourse = courseTemplateIds.FirstOrDefault(id => !_content.Any(c => c.CourseTemplateId == id), -1);
        if (missingCourse != -1)
        {
            throw new DomainRuleException("courseIds", "This course is not part of the training pass type.", missingCourse.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var missingPath = learningPathIds.FirstOrDefault(id => !_content.Any(c => c.LearningPathId == id), -1);
        if (missingPath != -1)
        {
            throw new DomainRuleException("pathIds", "This learning path is not part of the training pass type.", missingPath.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        _content.RemoveAll(c => c.CourseTemplateId is { } course && courseTemplateIds.Contains(course)
            || c.LearningPathId is { } path && learningPathIds.Contains(path));
        UpdatedAt = now;
    }

    internal void Touch(DateTime now) => UpdatedAt = now;

    internal void AddRestored(PassTypeOption option) => _options.Add(option);
}
