using System.Data.Common;
using Entitle.Application.Organizations;
using Entitle.Domain.Organizations;
using Microsoft.AspNetCore.Http;

namespace Entitle.Bench.Baseline;

/// <summary>Who a baseline request acts for: the credential's keyed hash looked up in one indexed statement, as the service does.</summary>
/// <param name="OrganizationId">The caller's organization.</param>
/// <param name="Path">Its materialized path (<c>/1/7/</c>): the caller reaches every organization whose path starts with it.</param>
/// <param name="CredentialId">The credential, recorded in the audit trail.</param>
public sealed record BaselineCaller(int OrganizationId, string Path, int CredentialId)
{
    public static async Task<BaselineCaller?> FindAsync(DbConnection connection, CredentialHasher hasher, HttpContext context)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT c.organization_id, o.path, c.id FROM credentials c JOIN organizations o ON o.id = c.organization_id WHERE c.secret_hash = @hash AND c.revoked_at IS NULL";
        BaselineDatabase.Parameter(command, "hash", hasher.Hash(context.Request.Headers["api_key"].ToString() is { Length: > 0 } key ? key : context.Request.Headers.Authorization.ToString().Replace("Bearer ", "", StringComparison.Ordinal)));
        await using var reader = await command.ExecuteReaderAsync(context.RequestAborted);
        return await reader.ReadAsync(context.RequestAborted) ? new BaselineCaller(reader.GetInt32(0), reader.GetString(1), reader.GetInt32(2)) : null;
    }

    /// <summary>Ids of the caller's organization and every one above it, from the path.</summary>
    public int[] AncestorAndSelfIds() => Organization.IdsOnPath(Path);
}
