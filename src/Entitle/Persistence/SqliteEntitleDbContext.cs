using Microsoft.EntityFrameworkCore;

namespace Entitle.Persistence;

/// <summary>The embedded default: a SQLite file. Owns <c>Migrations/Sqlite</c>.</summary>
public sealed class SqliteEntitleDbContext(DbContextOptions<SqliteEntitleDbContext> options) : EntitleDbContext(options)
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}
