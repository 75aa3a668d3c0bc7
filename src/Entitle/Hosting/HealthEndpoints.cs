using Entitle.Persistence;

namespace Entitle.Hosting;

public static class HealthEndpoints
{
    /// <summary>
    /// <c>/healthz</c>: the process is up and reaches its database. <c>/readyz</c>: additionally, every migration
    /// is applied, so this node may take traffic.
    /// </summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", async (EntitleDbContext db, CancellationToken ct) =>
            await CanConnectAsync(db, ct) ? Results.Text("ok") : Results.Text("database unreachable", statusCode: StatusCodes.Status503ServiceUnavailable));

        endpoints.MapGet("/readyz", async (EntitleDbContext db, DatabaseMigrator migrator, CancellationToken ct) =>
        {
            if (!await CanConnectAsync(db, ct))
            {
                return Results.Text("database unreachable", statusCode: StatusCodes.Status503ServiceUnavailable);
            }

            return await migrator.IsCurrentAsync(ct)
                ? Results.Text("ready")
                : Results.Text("migrations pending", statusCode: StatusCodes.Status503ServiceUnavailable);
        });
        return endpoints;
    }

    private static async Task<bool> CanConnectAsync(EntitleDbContext db, CancellationToken ct)
    {
        try
        {
            return await db.Database.CanConnectAsync(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return false;
        }
    }
}
