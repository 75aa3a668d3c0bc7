using Entitle.Application.Catalog;
using Entitle.Application.Contacts;
using Entitle.Application.Organizations;
using Entitle.Application.Passes;
using Entitle.Application.PassTypes;
using Entitle.Application.Webhooks;
using GraphQL;
using Microsoft.EntityFrameworkCore;

namespace Entitle.Api.GraphQL;

/// <summary>
/// <c>node(id:)</c>: decodes the id and reads the object through the same visibility as its list. A malformed,
/// unknown or foreign id gets one and the same error.
/// </summary>
public static class NodeResolver
{
    public static async Task<object?> ResolveAsync(IResolveFieldContext context, string id)
    {
        var caller = context.Caller();
        var ct = context.CancellationToken;
        var decoded = GlobalId.Decode(id);
        var key = decoded is { } d ? GlobalId.Digits(d.Key) : null;
        object? found = (decoded?.Prefix, key) switch
        {
            (GlobalId.TrainingPassType, { } n) => await context.Service<PassTypeQueries>().Readable(caller).FirstOrDefaultAsync(t => t.Id == n, ct),
            (GlobalId.TrainingPassTypeOption, { } n) => await context.Service<PassTypeQueries>().ReadableOptions(caller).FirstOrDefaultAsync(o => o.Id == n, ct),
            (GlobalId.TrainingPassTypeOptionPrice, { } n) => await context.Service<PassTypeQueries>().ReadablePrices(caller).FirstOrDefaultAsync(p => p.Id == n, ct),
            (GlobalId.TrainingPass, { } n) => await context.Service<PassQueries>().Visible(caller).FirstOrDefaultAsync(p => p.Id == n, ct),
            (GlobalId.Person, { } n) => await context.Service<ContactQueries>().Visible(caller).FirstOrDefaultAsync(c => c.Id == n, ct),
            (GlobalId.Organisation, { } n) => await context.Service<OrganizationQueries>().Visible(caller).FirstOrDefaultAsync(o => o.Id == n, ct),
            (GlobalId.CourseTemplate, { } n) => await context.Service<CatalogQueries>().CourseTemplates(caller).FirstOrDefaultAsync(c => c.Id == n, ct),
            (GlobalId.LearningPath, { } n) => await context.Service<CatalogQueries>().LearningPaths(caller).FirstOrDefaultAsync(p => p.Id == n, ct),
            (GlobalId.Webhook, { } n) => await context.Service<WebhookQueries>().Endpoints(caller).FirstOrDefaultAsync(e => e.Id == n, ct),
            (GlobalId.Region, _) => await context.Service<CatalogQueries>().Regions().FirstOrDefaultAsync(r => r.Code == decoded!.Value.Key, ct),
            _ => null,
        };
        return found ?? throw new ExecutionError("id: no object with this id exists.") { Code = "NOT_FOUND" };
    }
}
