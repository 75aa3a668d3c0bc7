using Microsoft.EntityFrameworkCore;

namespace Entitle.Persistence;

/// <summary>PostgreSQL, for scale and for several app processes. Owns <c>Migrations/Postgres</c>.</summary>
public sealed class PostgresEntitleDbContext(DbContextOptions<PostgresEntitleDbContext> options) : EntitleDbContext(options)
{
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
