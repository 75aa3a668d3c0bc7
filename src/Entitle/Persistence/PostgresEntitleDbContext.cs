using Microsoft.EntityFrameworkCore;

namespace Entitle.Persistence;

/// <summary>PostgreSQL, for scale and for several app processes. Owns <c>Migrations/Postgres</c>.</summary>
public sealed class PostgresEntitleDbContext(DbContextOptions<PostgresEntitleDbContext> options, AuditActor? actor = null, TimeProvider? clock = null) : EntitleDbContext(options, actor, clock)
{
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
