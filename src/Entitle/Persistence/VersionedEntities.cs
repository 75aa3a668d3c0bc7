using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Entitle.Persistence;

/// <summary>
/// Optimistic concurrency for rows with state rules (pass types, options, passes): a shadow column
/// <c>version</c>, checked by every UPDATE and incremented by <see cref="EntitleDbContext"/>. A writer who lost
/// the race gets a concurrency conflict and the use case is retried on fresh data.
/// </summary>
public static class VersionedEntities
{
    public const string PropertyName = "Version";

    public static void HasVersion<T>(this EntityTypeBuilder<T> builder)
        where T : class =>
        builder.Property<int>(PropertyName).IsConcurrencyToken();
}
