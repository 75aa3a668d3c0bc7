using System.Globalization;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Entitle.Persistence;

/// <summary>
/// How <see cref="RowInserts"/> inserts a row of one entity type, read from one provider's EF Core model: the table,
/// every column but the generated key (which comes back through <c>RETURNING</c>), and where each column's value
/// comes from. A foreign key whose navigation is set takes the referenced row's key, as EF Core's fix-up would, so a
/// row can refer to another inserted before it in the same call (a webhook delivery to its event).
/// </summary>
public sealed class InsertShape
{
    private readonly IProperty[] _columns;

    private readonly Func<object, object?>[] _values;

    private readonly (INavigation Navigation, Func<object, object?> Get)[] _references;

    private readonly IProperty _key;

    private readonly Action<object, object?> _setKey;

    private readonly string _table;

    private readonly string[] _columnNames;

    private readonly string _keyColumn;

    private InsertShape(IEntityType entityType, ISqlGenerationHelper sql)
    {
        EntityType = entityType;
        var keys = entityType.FindPrimaryKey()?.Properties;
        if (keys is not { Count: 1 } || keys[0].ValueGenerated != ValueGenerated.OnAdd)
        {
            throw new NotSupportedException($"{entityType.DisplayName()} has no single generated key to read back.");
        }

        _key = keys[0];
        var generated = entityType.GetProperties().Where(p => p != _key && p.ValueGenerated != ValueGenerated.Never).Select(p => p.Name).ToList();
        if (generated.Count > 0)
        {
            // The database would fill these in; reading them back is not done here, so such a type is not inserted here.
            throw new NotSupportedException($"{entityType.DisplayName()} has generated values besides its key: {string.Join(", ", generated)}.");
        }

        _columns = [.. entityType.GetProperties().Where(p => p != _key)];
        _values = [.. _columns.Select(Value)];
        _references = [.. entityType.GetNavigations().Where(n => n.IsOnDependent).Select(n => (n, Getter(n)))];
        _table = sql.DelimitIdentifier(entityType.GetTableName()!, entityType.GetSchema());
        _columnNames = [.. _columns.Select(p => sql.DelimitIdentifier(p.GetColumnName()))];
        _keyColumn = sql.DelimitIdentifier(_key.GetColumnName());
        _setKey = Setter(_key);
    }

    public IEntityType EntityType { get; }

    public int ColumnCount => _columns.Length;

    public static InsertShape For(IEntityType entityType, ISqlGenerationHelper sql) => new(entityType, sql);

    public IProperty Column(int index) => _columns[index];

    public object? Value(object row, int index) => _values[index](row);

    /// <summary>The rows this row refers to through a navigation that is set.</summary>
    public IEnumerable<object> References(object row)
    {
        foreach (var (_, get) in _references)
        {
            if (get(row) is { } referenced)
            {
                yield return referenced;
            }
        }
    }

    /// <summary>The statement, with parameters named by <paramref name="parameterNames"/> in column order.</summary>
    public string Sql(IReadOnlyList<string> parameterNames) =>
        $"INSERT INTO {_table} ({string.Join(", ", _columnNames)}) VALUES ({string.Join(", ", parameterNames)}) RETURNING {_keyColumn}";

    /// <summary>Sets the key the database generated, as read back from the statement.</summary>
    public void SetKey(object row, object value) =>
        _setKey(row, Convert.ChangeType(value, _key.ClrType, CultureInfo.InvariantCulture));

    private Func<object, object?> Value(IProperty property)
    {
        var reference = property.GetContainingForeignKeys().FirstOrDefault(k => k.DependentToPrincipal is not null);
        if (reference is not null)
        {
            var navigation = Getter(reference.DependentToPrincipal!);
            var index = reference.Properties.ToList().IndexOf(property);
            var principalKey = reference.PrincipalKey.Properties[index].GetGetter();
            var own = OwnValue(property);
            return row => navigation(row) is { } principal ? principalKey.GetClrValueUsingContainingEntity(principal) : own(row);
        }

        return OwnValue(property);
    }

    private static Func<object, object?> OwnValue(IProperty property)
    {
        if (property.IsShadowProperty())
        {
            // A new row's shadow value (the version) is its sentinel, as EF Core inserts it.
            var sentinel = property.Sentinel;
            return _ => sentinel;
        }

        var getter = property.GetGetter();
        return getter.GetClrValueUsingContainingEntity;
    }

    private static Func<object, object?> Getter(INavigation navigation)
    {
        var getter = navigation.GetGetter();
        return getter.GetClrValueUsingContainingEntity;
    }

    private static Action<object, object?> Setter(IProperty property)
    {
        if (property.FieldInfo is { } field)
        {
            return field.SetValue;
        }

        var setter = property.PropertyInfo?.GetSetMethod(nonPublic: true)
            ?? throw new NotSupportedException($"{property.DeclaringType.DisplayName()}.{property.Name} cannot be set.");
        return (row, value) => setter.Invoke(row, BindingFlags.Default, null, [value], CultureInfo.InvariantCulture);
    }
}
