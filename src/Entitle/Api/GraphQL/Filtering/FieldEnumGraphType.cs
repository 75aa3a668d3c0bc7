using GraphQL.Types;

namespace Entitle.Api.GraphQL.Filtering;

/// <summary>The enum of a list's filterable fields, generated from its <see cref="FilterFieldSet{T}"/> so the two cannot drift.</summary>
public abstract class FieldEnumGraphType<T> : EnumerationGraphType
{
    protected FieldEnumGraphType(string name, FilterFieldSet<T> fields)
    {
        Name = name;
        foreach (var field in fields.Names)
        {
            Add(field, field);
        }
    }
}
