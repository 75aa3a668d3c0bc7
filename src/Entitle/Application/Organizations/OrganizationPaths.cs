using System.Collections.Concurrent;
using Entitle.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Entitle.Application.Organizations;

/// <summary>
/// Organization id to path, remembered for the life of the process. A path never changes once assigned
/// (organizations are not moved) and ids are never reused (SQLite AUTOINCREMENT, PostgreSQL identity), so a
/// remembered path is never stale, on this instance or any other. Write use cases ask for paths several times each
/// (the type's owner, the learner's organization, the listeners of an event); remembering them saves a statement
/// per question. Organizations are few, so the map stays small.
/// </summary>
public sealed class OrganizationPaths
{
    private readonly ConcurrentDictionary<int, string> _paths = new();

    /// <summary>The organization's path, or null when there is no such organization.</summary>
    public async Task<string?> FindAsync(EntitleDbContext db, int organizationId, CancellationToken cancellationToken)
    {
        if (_paths.TryGetValue(organizationId, out var known))
        {
            return known;
        }

        var path = await db.Organizations.AsNoTracking().Where(o => o.Id == organizationId).Select(o => o.Path).FirstOrDefaultAsync(cancellationToken);

        // An organization's path is written just after its row, in the same transaction: an empty one is not final.
        if (!string.IsNullOrEmpty(path))
        {
            _paths.TryAdd(organizationId, path);
        }

        return path;
    }

    public async Task<string> GetAsync(EntitleDbContext db, int organizationId, CancellationToken cancellationToken) =>
        await FindAsync(db, organizationId, cancellationToken)
        ?? throw new InvalidOperationException($"Organization {organizationId} does not exist.");
}
