using System.Globalization;
using System.Security.Claims;
using Entitle.Application;
using Entitle.Application.Organizations;
using Entitle.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;

namespace Entitle.Web.Sessions;

/// <summary>
/// An administrator's session: signed in with their organization's credential, held in an http-only cookie that
/// names only the credential's id. Every request checks that the credential is still live, so a rotated or
/// revoked credential ends its sessions at once, on every node.
/// </summary>
public static class AdminSessions
{
    public const string Scheme = "admin";

    /// <returns>Whether <paramref name="credential"/> is live; if so the session has begun.</returns>
    public static async Task<bool> SignInAsync(HttpContext http, string? credential)
    {
        var caller = await http.RequestServices.GetRequiredService<CredentialAuthenticator>().FindCallerAsync(credential?.Trim(), http.RequestAborted);
        if (caller is null)
        {
            return false;
        }

        var identity = new ClaimsIdentity(
            [
                new Claim(SessionClaims.Organization, caller.OrganizationId.ToString(CultureInfo.InvariantCulture)),
                new Claim(SessionClaims.Credential, caller.CredentialId.ToString(CultureInfo.InvariantCulture)),
            ],
            Scheme);
        await http.SignInAsync(Scheme, new ClaimsPrincipal(identity));
        return true;
    }

    /// <summary>Runs on every request that carries the cookie: the session lives only while its credential does.</summary>
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var http = context.HttpContext;
        var credentialId = int.TryParse(context.Principal?.FindFirstValue(SessionClaims.Credential), CultureInfo.InvariantCulture, out var id) ? id : 0;
        var db = http.RequestServices.GetRequiredService<EntitleDbContext>();
        var live = await db.Credentials.AsNoTracking()
            .Where(c => c.Id == credentialId && c.RevokedAt == null)
            .Select(c => new { c.OrganizationId, c.Organization!.Path })
            .FirstOrDefaultAsync(http.RequestAborted);
        if (live is null)
        {
            context.RejectPrincipal();
            await http.SignOutAsync(Scheme);
            return;
        }

        http.RequestServices.GetRequiredService<AuditActor>().Set(live.OrganizationId, credentialId);
        http.Items[typeof(Caller)] = new Caller(live.OrganizationId, live.Path, credentialId);
    }

    /// <summary>The signed-in administrator's organization, as the application services take it.</summary>
    public static Caller CallerOf(HttpContext http) =>
        http.Items[typeof(Caller)] as Caller ?? throw new InvalidOperationException("No administrator is signed in.");
}
