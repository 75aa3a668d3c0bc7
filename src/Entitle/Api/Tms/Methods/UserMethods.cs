using System.Globalization;
using Entitle.Api.Tms.Records;
using Entitle.Application;
using Entitle.Application.Contacts;
using Entitle.Domain.Contacts;
using Microsoft.EntityFrameworkCore;

namespace Entitle.Api.Tms.Methods;

/// <summary>Users are Entitle's contacts (learners).</summary>
public static class UserMethods
{
    private static readonly Dictionary<string, string> Names = new()
    {
        ["contactId"] = "Id",
        ["accountId"] = "OrganizationId",
        ["organizationId"] = "OrganizationId",
        ["firstName"] = "FirstName",
        ["lastName"] = "LastName",
        ["emailAddress"] = "Email",
        ["userName"] = "UserName",
        ["externalId"] = "ExternalId",
    };

    private static readonly TmsParameter[] Writable =
    [
        TmsParameter.Optional("UserName", TmsType.Text, "The user's sign-in name."),
        TmsParameter.Optional("Email", TmsType.Text, "The user's email address."),
        TmsParameter.Optional("OrganizationId", TmsType.Number, "The user's organization; the caller's own on create."),
        TmsParameter.Optional("ExternalId", TmsType.Text, "The caller's own id for the user."),
        TmsParameter.Optional("Disabled", TmsType.Boolean, "Whether the user is disabled.", "false"),
    ];

    public static IEnumerable<TmsMethod> All() =>
    [
        new(["CreateUser"], "Creates a user (a learner).",
            [TmsParameter.Needed("FirstName", TmsType.Text, "First name."), TmsParameter.Needed("LastName", TmsType.Text, "Last name."), .. Writable],
            [new("UserId", "integer", "The new user's Id.")], CreateAsync) { ParameterNames = Names },
        new(["GetUser"], "Returns a user by Id.", [TmsParameter.Needed("id", TmsType.Number, "The user's Id.")],
            [new("User", "UserRecord", "The user; null when not found.")], GetAsync) { ParameterNames = Names, FailureAnswer = NoUser },
        new(["GetUserByEmail"], "Returns the user with this email address (ignoring case).", [TmsParameter.Needed("email", TmsType.Text, "The email address.")],
            [new("User", "UserRecord", "The user; null when not found.")], GetByEmailAsync) { ParameterNames = Names, FailureAnswer = NoUser },
        new(["GetUserByExternalId"], "Returns the user with this external id.", [TmsParameter.Needed("id", TmsType.Text, "The external id.")],
            [new("User", "UserRecord", "The user; null when not found.")], GetByExternalIdAsync) { ParameterNames = Names, FailureAnswer = NoUser },
        new(["UpdateUser"], "Changes a user; omitted parameters are left as they are.",
            [TmsParameter.Needed("Id", TmsType.Number, "The user's Id."), TmsParameter.Optional("FirstName", TmsType.Text, "First name."), TmsParameter.Optional("LastName", TmsType.Text, "Last name."), .. Writable],
            [], UpdateAsync) { ParameterNames = Names },
        new(["DeleteUser"], "Deletes a user who holds no subscriptions.", [TmsParameter.Needed("Id", TmsType.Number, "The user's Id.")], [], DeleteAsync) { ParameterNames = Names },
    ];

    private static TmsAnswer NoUser() => TmsAnswer.With("User", null);

    private static async Task<TmsAnswer> CreateAsync(TmsCall call)
    {
        var contact = await call.Service<ContactService>().CreateAsync(call.Caller, Changes(call), call.CancellationToken);
        return TmsAnswer.With("UserId", contact.Id);
    }

    private static Task<TmsAnswer> GetAsync(TmsCall call)
    {
        var id = call.RequiredNumber("id");
        return OneAsync(call, c => c.Id == id, "id", id.ToString(CultureInfo.InvariantCulture));
    }

    private static Task<TmsAnswer> GetByEmailAsync(TmsCall call)
    {
        var email = call.RequiredText("email").ToLowerInvariant();
#pragma warning disable CA1862 // EF translates ToLower() to SQL; string.Equals with a comparison it cannot translate.
        return OneAsync(call, c => c.Email != null && c.Email.ToLower() == email, "email", email);
#pragma warning restore CA1862
    }

    private static Task<TmsAnswer> GetByExternalIdAsync(TmsCall call)
    {
        var externalId = call.RequiredText("id");
        return OneAsync(call, c => c.ExternalId == externalId, "id", externalId);
    }

    private static async Task<TmsAnswer> UpdateAsync(TmsCall call)
    {
        await call.Service<ContactService>().UpdateAsync(call.Caller, call.RequiredNumber("Id"), Changes(call), call.CancellationToken);
        return TmsAnswer.Empty;
    }

    private static async Task<TmsAnswer> DeleteAsync(TmsCall call)
    {
        await call.Service<ContactService>().DeleteAsync(call.Caller, call.RequiredNumber("Id"), call.CancellationToken);
        return TmsAnswer.Empty;
    }

    private static async Task<TmsAnswer> OneAsync(TmsCall call, System.Linq.Expressions.Expression<Func<Contact, bool>> match, string parameter, string shown)
    {
        var contact = await call.Service<ContactQueries>().Visible(call.Caller).Where(match).OrderBy(c => c.Id).FirstOrDefaultAsync(call.CancellationToken)
            ?? throw new EntityNotFoundException(parameter, "user", shown);
        return TmsAnswer.With("User", new UserRecord(contact.Id, contact.ExternalId, contact.FirstName, contact.LastName, contact.UserName, contact.Email, contact.OrganizationId, contact.Disabled));
    }

    private static ContactChanges Changes(TmsCall call) => new(
        call.Text("FirstName"),
        call.Text("LastName"),
        call.Text("Email"),
        call.Number("OrganizationId"),
        call.Text("UserName"),
        call.Text("ExternalId"),
        call.Flag("Disabled"));
}
