using Entitle.Persistence;

namespace Entitle.Api.GraphQL.Filtering;

/// <summary>What derived filter fields are computed from: the request's instant and the database's sets.</summary>
public sealed record FilterScope(DateTime Now, EntitleDbContext? Db)
{
    /// <summary>Enough to list field names when the schema is built; never used to run a query.</summary>
    public static FilterScope ForSchema { get; } = new(DateTime.MinValue, null);

    public EntitleDbContext Database => Db ?? throw new InvalidOperationException("This filter scope has no database.");
}
