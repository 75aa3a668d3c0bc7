using System.Globalization;
using System.Security.Claims;
using Entitle.Application;
using Entitle.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;

namespace Entitle.Web.Sessions;

/// <summary>
/// A learner's session: begun by a one-time link, held in an http-only cookie naming only the contact, and ended
/// as soon as the contact is disabled or deleted.
/// </summary>
public static class LearnerSessions
{
    public const string Scheme = "learner";

    public static Task SignInAsync(HttpContext http, int contactId, int organizationId) =>
        http.SignInAsync(Scheme, new ClaimsPrincipal(new ClaimsIdentity(
            [
                new Claim(SessionClaims.Contact, contactId.ToString(CultureInfo.InvariantCulture)),
                new Claim(SessionClaims.Organization, organizationId.ToString(CultureInfo.InvariantCulture)),
            ],
            Scheme)));

    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var http = context.HttpContext;
        var contactId = int.TryParse(context.Principal?.FindFirstValue(SessionClaims.Contact), CultureInfo.InvariantCulture, out var id) ? id : 0;
        var db = http.RequestServices.GetRequiredService<EntitleDbContext>();
        var contact = await db.Contacts.AsNoTracking()
            .Where(c => c.Id == contactId && !c.Disabled)
            .Select(c => new { c.Id, c.FirstName, c.LastName, c.Email, c.OrganizationId, c.Organization!.Path, OrganizationName = c.Organization.Name })
            .FirstOrDefaultAsync(http.RequestAborted);
        if (contact is null)
        {
            context.RejectPrincipal();
            await http.SignOutAsync(Scheme);
            return;
        }

        http.Items[typeof(Learner)] = new Learner(
            contact.Id,
            $"{contact.FirstName} {contact.LastName}".Trim(),
            contact.Email,
            contact.OrganizationName,
            new Caller(contact.OrganizationId, contact.Path, 0));
    }

    public static Learner LearnerOf(HttpContext http) =>
        http.Items[typeof(Learner)] as Learner ?? throw new InvalidOperationException("No learner is signed in.");
}
