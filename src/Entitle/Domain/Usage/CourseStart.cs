namespace Entitle.Domain.Usage;

/// <summary>
/// A learner starting a course under a pass: what the pass was used for (a "registration made under a pass" over
/// GraphQL, a course assignment with a ClubMembershipId over TMS).
/// </summary>
public sealed class CourseStart
{
    private CourseStart()
    {
    }

    public int Id { get; private set; }

    public int PassId { get; private set; }

    public int ContactId { get; private set; }

    public int CourseTemplateId { get; private set; }

    public string? ExternalId { get; private set; }

    public DateTime StartedAt { get; private set; }

    public static CourseStart Record(int passId, int contactId, int courseTemplateId, string? externalId, DateTime now) => new()
    {
        PassId = passId,
        ContactId = contactId,
        CourseTemplateId = courseTemplateId,
        ExternalId = InputText.Optional(externalId, "externalId", 200),
        StartedAt = now,
    };
}
