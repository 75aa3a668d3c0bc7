using System.Globalization;
using Entitle.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Entitle.Application;

/// <summary>
/// The sets and checks every tenancy rule is written with. The sets are subqueries, so a scoped query stays one
/// statement.
/// </summary>
public static class Tenancy
{
    /// <summary>The caller's organization and every organization below it: what it may read and change.</summary>
    public static IQueryable<int> SubtreeIds(this EntitleDbContext db, Caller caller) =>
        db.Organizations.Where(o => o.Path.StartsWith(caller.OrganizationPath)).Select(o => o.Id);

    /// <summary>Whether an organization with this path lies inside the caller's subtree.</summary>
    public static bool Owns(this Caller caller, string organizationPath) => caller.Contains(organizationPath);

    /// <summary>
    /// Refuses to change a row the caller does not own: rows outside its reach read as unknown, its ancestors'
    /// rows (which it may read) as read-only.
    /// </summary>
    /// <returns>The owning organization's path.</returns>
    public static async Task<string> EnsureOwnedAsync(this EntitleDbContext db, Caller caller, int? ownerId, string field, string what, int id, CancellationToken cancellationToken)
    {
        var value = id.ToString(CultureInfo.InvariantCulture);
        var ownerPath = ownerId is null ? null : await db.Organizations.Where(o => o.Id == ownerId).Select(o => o.Path).FirstOrDefaultAsync(cancellationToken);
        if (ownerPath is not null && caller.Owns(ownerPath))
        {
            return ownerPath;
        }

        if (ownerId is { } owner && caller.AncestorAndSelfIds.Contains(owner))
        {
            throw new ReadOnlyEntityException(field, what, value);
        }

        throw new EntityNotFoundException(field, what, value);
    }
}
