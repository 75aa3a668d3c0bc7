using System.Xml.Linq;
using Entitle.Persistence;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;

namespace Entitle.Web.Sessions;

/// <summary>
/// Keeps ASP.NET Data Protection's key ring in the database (<see cref="SessionKey"/>), so that a session cookie or
/// antiforgery token written by one node is read by every other. The interface is synchronous; it is called at
/// start-up and when the ring rotates (every 90 days), never per request.
/// </summary>
public sealed class DatabaseKeyRing(IServiceScopeFactory scopes) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<EntitleDbContext>();
        return db.SessionKeys.AsNoTracking().OrderBy(k => k.Id).Select(k => k.Xml).ToList().Select(XElement.Parse).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<EntitleDbContext>();

        // Called from inside a request that may hold the SQLite write turn (signing in protects the first cookie).
        db.WritesOutsideTheQueue = true;
        db.SessionKeys.Add(SessionKey.Of(friendlyName, element.ToString(SaveOptions.DisableFormatting)));
        db.SaveChangesAsync().GetAwaiter().GetResult();
    }
}
