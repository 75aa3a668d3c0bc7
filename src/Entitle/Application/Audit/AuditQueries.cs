using Entitle.Domain.Audit;
using Entitle.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Entitle.Application.Audit;

public sealed class AuditQueries(EntitleDbContext db)
{
    /// <summary>Events about things owned inside the caller's subtree.</summary>
    public IQueryable<AuditEvent> Visible(Caller caller)
    {
        var subtree = db.SubtreeIds(caller);
        return db.AuditEvents.AsNoTracking().Where(e => e.SubjectOrganizationId != null && subtree.Contains(e.SubjectOrganizationId.Value));
    }
}
