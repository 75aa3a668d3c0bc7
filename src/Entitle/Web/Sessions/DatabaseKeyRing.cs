using System.Xml.Linq;
using Entitle.Persistence;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;

namespace Entitle.Web.Sessions;

/// <summary>
/// Keeps ASP.NET Data Protection's key ring in the database (<see cref="SessionKey"/>), so that a session cookie or
/// antiforgery token written by one node is read by every other. The interface is synchronous; Data Protection calls
/// it when a page or form first needs the ring (the host does not load it as it starts: see <c>WebSetup</c>), when it
/// refreshes the ring (daily) and when it creates a key (the first, then every 90 days), never per request.
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

        // A page calls this while it renders, on the renderer's single-threaded synchronization context, which this
        // call blocks: the save runs on the thread pool, so that its continuations do not wait for that thread (on
        // PostgreSQL, whose I/O completes asynchronously, they did, and the page never answered).
        Task.Run(() => db.SaveChangesAsync()).GetAwaiter().GetResult();
    }
}
