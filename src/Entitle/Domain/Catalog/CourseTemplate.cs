namespace Entitle.Domain.Catalog;

/// <summary>A course of the catalog (a CourseTemplate over GraphQL, a Course over TMS).</summary>
public sealed class CourseTemplate
{
    private CourseTemplate()
    {
    }

    public int Id { get; private set; }

    public int OrganizationId { get; private set; }

    public string Code { get; private set; } = "";

    public string Title { get; private set; } = "";

    public string? Description { get; private set; }

    public LifecycleState LifecycleState { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public static CourseTemplate Create(int organizationId, string? code, string? title, string? description, DateTime now) => new()
    {
        OrganizationId = organizationId,
        Code = InputText.Required(code, "code", 100),
        Title = InputText.Required(title, "title", 300),
        Description = InputText.Optional(description, "description", 4000, multiline: true),
        LifecycleState = LifecycleState.Draft,
        CreatedAt = now,
        UpdatedAt = now,
    };

    /// <summary>
    /// A stored course as read from its row by a statement that does not go through EF Core (a catalog page loads a
    /// thousand at once). No rule is checked: the row was stored by the rules.
    /// </summary>
    public static CourseTemplate Restore(int id, int organizationId, string code, string title, string? description, LifecycleState state, DateTime createdAt, DateTime updatedAt) => new()
    {
        Id = id,
        OrganizationId = organizationId,
        Code = code,
        Title = title,
        Description = description,
        LifecycleState = state,
        CreatedAt = createdAt,
        UpdatedAt = updatedAt,
    };

    public void Update(string? code, string? title, string? description, LifecycleState? state, DateTime now)
    {
        if (code is not null)
        {
            Code = InputText.Required(code, "code", 100);
        }

        if (title is not null)
        {
            Title = InputText.Required(title, "title", 300);
        }

        if (description is not null)
        {
            Description = InputText.Optional(description, "description", 4000, multiline: true);
        }

        if (state is { } target)
        {
            Lifecycle.EnsureAllowed(LifecycleState, target, "course template");
            LifecycleState = target;
        }

        UpdatedAt = now;
    }
}
