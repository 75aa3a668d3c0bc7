using Entitle.Persistence;
using Entitle.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Entitle.Tests.Persistence;

/// <summary>
/// The service starts on a model compiled ahead of time (<c>Persistence/CompiledModels</c>, one per provider), which
/// saves building it at every start. It must describe exactly the model the entity configurations build: after a
/// change to the model, regenerate it (README, "Changing the model") or this test fails.
/// </summary>
public abstract class CompiledModelTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(provider);

    [Fact]
    public async Task TheCompiledModelIsInUseAndIsTheModelTheConfigurationsBuild()
    {
        await using var db = _database.CreateContext();

        var compiled = db.Model;
        var built = db.GetService<IDesignTimeModel>().Model;

        Assert.StartsWith("Entitle.Persistence.CompiledModels." + provider, compiled.GetType().FullName, StringComparison.Ordinal);
        Assert.Equal(Describe(built), Describe(compiled));
    }

    /// <summary>What queries and saves depend on: tables, columns and their types, keys, relationships, navigations.</summary>
    private static List<string> Describe(IModel model) =>
        [.. model.GetEntityTypes().OrderBy(e => e.Name, StringComparer.Ordinal).SelectMany(DescribeEntity)];

    private static IEnumerable<string> DescribeEntity(IEntityType entity)
    {
        yield return $"{entity.Name} -> {entity.GetTableName()}";
        foreach (var property in entity.GetProperties())
        {
            yield return $"  {property.Name}: {property.ClrType.Name} -> {property.GetColumnName()} {property.GetColumnType()} null={property.IsNullable} generated={property.ValueGenerated} concurrency={property.IsConcurrencyToken} converter={property.GetValueConverter()?.GetType().Name}";
        }

        foreach (var key in entity.GetKeys())
        {
            yield return $"  key {string.Join(",", key.Properties.Select(p => p.Name))} primary={key.IsPrimaryKey()}";
        }

        foreach (var foreignKey in entity.GetForeignKeys())
        {
            yield return $"  fk {string.Join(",", foreignKey.Properties.Select(p => p.Name))} -> {foreignKey.PrincipalEntityType.Name} {foreignKey.DeleteBehavior} required={foreignKey.IsRequired}";
        }

        foreach (var navigation in entity.GetNavigations())
        {
            yield return $"  navigation {navigation.Name} -> {navigation.TargetEntityType.Name} collection={navigation.IsCollection}";
        }
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    public sealed class OnSqlite() : CompiledModelTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : CompiledModelTests(DatabaseProvider.Postgres);
}
