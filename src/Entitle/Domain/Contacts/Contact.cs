namespace Entitle.Domain.Contacts;

using Entitle.Domain.Organizations;

/// <summary>A learner: a Contact (Person) over GraphQL, a User over TMS.</summary>
public sealed class Contact
{
    public const int NameMaxLength = 100;

    private Contact()
    {
    }

    public int Id { get; private set; }

    public int OrganizationId { get; private set; }

    public Organization? Organization { get; private set; }

    public string FirstName { get; private set; } = "";

    public string LastName { get; private set; } = "";

    public string? Email { get; private set; }

    public string? UserName { get; private set; }

    public string? ExternalId { get; private set; }

    public bool Disabled { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    /// <summary>A contact as stored, with its organization, for reads written by hand.</summary>
    public static Contact Restore(
        int id, Organization organization, string firstName, string lastName, string? email, string? userName, string? externalId,
        bool disabled, DateTime createdAt, DateTime updatedAt) => new()
    {
        Id = id,
        OrganizationId = organization.Id,
        Organization = organization,
        FirstName = firstName,
        LastName = lastName,
        Email = email,
        UserName = userName,
        ExternalId = externalId,
        Disabled = disabled,
        CreatedAt = createdAt,
        UpdatedAt = updatedAt,
    };

    public static Contact Create(int organizationId, string? firstName, string? lastName, string? email, DateTime now) => new()
    {
        OrganizationId = organizationId,
        FirstName = InputText.Required(firstName, "firstName", NameMaxLength),
        LastName = InputText.Required(lastName, "lastName", NameMaxLength),
        Email = EmailAddress.Normalize(email, "emailAddress"),
        CreatedAt = now,
        UpdatedAt = now,
    };

    /// <summary>For the demo catalog, whose contacts carry fixed numbers so that the seed's examples run as written.</summary>
    public static Contact CreateWithId(int id, int organizationId, string firstName, string lastName, string email, DateTime now)
    {
        var contact = Create(organizationId, firstName, lastName, email, now);
        contact.Id = id;
        return contact;
    }

    public void Rename(string? firstName, string? lastName, DateTime now)
    {
        if (firstName is not null)
        {
            FirstName = InputText.Required(firstName, "firstName", NameMaxLength);
        }

        if (lastName is not null)
        {
            LastName = InputText.Required(lastName, "lastName", NameMaxLength);
        }

        UpdatedAt = now;
    }

    public void ChangeEmail(string? email, DateTime now)
    {
        Email = EmailAddress.Normalize(email, "emailAddress");
        UpdatedAt = now;
    }

    public void MoveTo(int organizationId, DateTime now)
    {
        OrganizationId = organizationId;
        UpdatedAt = now;
    }

    public void SetAccountDetails(string? userName, string? externalId, bool? disabled, DateTime now)
    {
        if (userName is not null)
        {
            UserName = InputText.Optional(userName, "userName", 200);
        }

        if (externalId is not null)
        {
            ExternalId = InputText.Optional(externalId, "externalId", 200);
        }

        if (disabled is not null)
        {
            Disabled = disabled.Value;
        }

        UpdatedAt = now;
    }
}
