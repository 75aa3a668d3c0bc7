namespace Entitle.Api.GraphQL.Filtering;

/// <summary>How a filter's string <c>value</c> is read for a field.</summary>
public enum FilterValueKind
{
    /// <summary>A global id with the field's prefix and an integer key.</summary>
    Id,

    /// <summary>A global id with the field's prefix and a string key (regions).</summary>
    StringId,
    Text,
    Instant,
    Boolean,
    Enum,
}
