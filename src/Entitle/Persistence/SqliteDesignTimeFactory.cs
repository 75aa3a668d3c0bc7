using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Entitle.Persistence;

/// <summary>Lets <c>dotnet ef migrations add --context SqliteEntitleDbContext</c> build the model without the host.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteEntitleDbContext>
{
    public SqliteEntitleDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteEntitleDbContext>()
            .UseSqlite(DatabaseOptions.DefaultSqliteConnectionString)
            .UseSnakeCaseNamingConvention()
            .Options);
}
