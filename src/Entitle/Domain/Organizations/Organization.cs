namespace Entitle.Domain.Organizations;

/// <summary>
/// A node of the organization tree (an Account over GraphQL, an Organization over TMS). Every credential acts
/// for one organization and the subtree below it; <see cref="Path"/> makes "inside the subtree" one prefix test.
/// </summary>
public sealed class Organization
{
    public const int NameMaxLength = 200;
    public const string DefaultCurrencyCode = "USD";

    private Organization()
    {
    }

    public int Id { get; private set; }

    public string Name { get; private set; } = "";

    public int? ParentId { get; private set; }

    /// <summary>Ids from the root down to this organization, as <c>/1/4/9/</c>; set once the id is known.</summary>
    public string Path { get; private set; } = "";

    public string? ExternalId { get; private set; }

    public string? Description { get; private set; }

    /// <summary>The currency TMS's profile Price is quoted in for this organization.</summary>
    public string CurrencyCode { get; private set; } = DefaultCurrencyCode;

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    /// <summary>An organization as stored, for reads written by hand.</summary>
    public static Organization Restore(
        int id, string name, int? parentId, string path, string? externalId, string? description, string currencyCode, DateTime createdAt, DateTime updatedAt) => new()
    {
        Id = id,
        Name = name,
        ParentId = parentId,
        Path = path,
        ExternalId = externalId,
        Description = description,
        CurrencyCode = currencyCode,
        CreatedAt = createdAt,
        UpdatedAt = updatedAt,
    };

    public static Organization CreateRoot(string name, DateTime now) => new()
    {
        Name = InputText.Required(name, "name", NameMaxLength),
        CreatedAt = now,
        UpdatedAt = now,
    };

    public static Organization CreateChild(Organization parent, string? name, string? externalId, string? description, DateTime now, string? currencyCode = null)
    {
        if (string.IsNullOrEmpty(parent.Path))
        {
            throw new InvalidOperationException("The parent organization has not been saved yet.");
        }

        return new Organization
        {
            Name = InputText.Required(name, "name", NameMaxLength),
            ParentId = parent.Id,
            Path = parent.Path,
            ExternalId = InputText.Optional(externalId, "externalId", 200),
            Description = InputText.Optional(description, "description", 2000, multiline: true),
            CurrencyCode = currencyCode is null ? parent.CurrencyCode : Catalog.Currencies.Require(currencyCode, "currency").Code,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    /// <summary>Completes the path once the database has assigned the id.</summary>
    public void AssignPath()
    {
        Path = (ParentId is null ? "/" : Path) + Id + "/";
    }

    public bool Contains(string otherPath) => otherPath.StartsWith(Path, StringComparison.Ordinal);

    public void Update(string? name, string? externalId, string? description, DateTime now, string? currencyCode = null)
    {
        if (currencyCode is not null)
        {
            CurrencyCode = Catalog.Currencies.Require(currencyCode, "currency").Code;
        }

        if (name is not null)
        {
            Name = InputText.Required(name, "name", NameMaxLength);
        }

        if (externalId is not null)
        {
            ExternalId = InputText.Optional(externalId, "externalId", 200);
        }

        if (description is not null)
        {
            Description = InputText.Optional(description, "description", 2000, multiline: true);
        }

        UpdatedAt = now;
    }

    /// <summary>The ids on <paramref name="path"/>, root first.</summary>
    public static int[] IdsOnPath(string path) =>
        path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToArray();
}
