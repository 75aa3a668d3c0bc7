using System.Globalization;
using Entitle.Api.Tms.Records;
using Entitle.Application;
using Entitle.Application.Organizations;
using Entitle.Domain.Organizations;
using Entitle.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Entitle.Api.Tms.Methods;

/// <summary>Organizations: the caller's own and those below it. A new one's IntegrationKey is shown once.</summary>
public static class OrganizationMethods
{
    private static readonly Dictionary<string, string> Names = new()
    {
        ["organizationId"] = "id",
        ["parentId"] = "ParentId",
        ["name"] = "Name",
        ["externalId"] = "ExternalId",
        ["description"] = "Description",
        ["currency"] = "Currency",
    };

    private static readonly TmsParameter[] Writable =
    [
        TmsParameter.Optional("ExternalId", TmsType.Text, "The caller's own id for the organization."),
        TmsParameter.Optional("Description", TmsType.Text, "A description."),
        TmsParameter.Optional("Currency", TmsType.Text, "The ISO 4217 currency profile prices are quoted in; the parent's when omitted on create."),
    ];

    public static IEnumerable<TmsMethod> All() =>
    [
        new(["CreateOrganization"], "Creates an organization below the caller's own (or below ParentId), with its own integration key.",
            [TmsParameter.Needed("Name", TmsType.Text, "The name."), TmsParameter.Optional("ParentId", TmsType.Number, "The parent organization; the caller's own when omitted."), .. Writable],
            [new("OrganizationId", "integer", "The new organization's Id."), new("IntegrationKey", "string", "The new organization's api_key, shown this once.")],
            CreateAsync) { ParameterNames = Names },
        new(["GetOrganization"], "Returns an organization by Id.", [TmsParameter.Needed("id", TmsType.Number, "The organization's Id.")],
            [new("Organization", "OrganizationRecord", "The organization; null when not found.")], GetAsync) { ParameterNames = Names, FailureAnswer = NoOrganization },
        new(["GetOrganizationByExternalId"], "Returns the organization with this external id.", [TmsParameter.Needed("id", TmsType.Text, "The external id.")],
            [new("Organization", "OrganizationRecord", "The organization; null when not found.")], GetByExternalIdAsync) { ParameterNames = Names, FailureAnswer = NoOrganization },
        new(["UpdateOrganization"], "Changes an organization; omitted parameters are left as they are.",
            [TmsParameter.Needed("id", TmsType.Number, "The organization's Id."), TmsParameter.Optional("Name", TmsType.Text, "The name."), .. Writable], [], UpdateAsync) { ParameterNames = Names },
        new(["RotateOrganizationIntegrationKey"], "Entitle's addition: issues a new integration key for an organization (the caller's own or one below it) and revokes its old ones at once.",
            [TmsParameter.Needed("id", TmsType.Number, "The organization's Id.")],
            [new("IntegrationKey", "string", "The new api_key, shown this once.")], RotateAsync) { ParameterNames = Names },
        new(["DeleteOrganization"], "Deletes an empty organization below the caller's own.", [TmsParameter.Needed("id", TmsType.Number, "The organization's Id.")], [], DeleteAsync) { ParameterNames = Names },
    ];

    private static TmsAnswer NoOrganization() => TmsAnswer.With("Organization", null);

    private static async Task<TmsAnswer> CreateAsync(TmsCall call)
    {
        var created = await call.Service<OrganizationService>().CreateAsync(call.Caller, call.Number("ParentId"), Details(call), call.CancellationToken);
        return TmsAnswer.With("OrganizationId", created.Organization.Id).And("IntegrationKey", created.Credential);
    }

    private static Task<TmsAnswer> GetAsync(TmsCall call)
    {
        var id = call.RequiredNumber("id");
        return OneAsync(call, o => o.Id == id, id.ToString(CultureInfo.InvariantCulture));
    }

    private static Task<TmsAnswer> GetByExternalIdAsync(TmsCall call)
    {
        var externalId = call.RequiredText("id");
        return OneAsync(call, o => o.ExternalId == externalId, externalId);
    }

    private static async Task<TmsAnswer> UpdateAsync(TmsCall call)
    {
        await call.Service<OrganizationService>().UpdateAsync(call.Caller, call.RequiredNumber("id"), Details(call), call.CancellationToken);
        return TmsAnswer.Empty;
    }

    private static async Task<TmsAnswer> RotateAsync(TmsCall call)
    {
        var rotated = await call.Service<OrganizationService>().RotateCredentialAsync(call.Caller, call.RequiredNumber("id"), call.CancellationToken);
        return TmsAnswer.With("IntegrationKey", rotated.Credential);
    }

    private static async Task<TmsAnswer> DeleteAsync(TmsCall call)
    {
        await call.Service<OrganizationService>().DeleteAsync(call.Caller, call.RequiredNumber("id"), call.CancellationToken);
        return TmsAnswer.Empty;
    }

    private static async Task<TmsAnswer> OneAsync(TmsCall call, System.Linq.Expressions.Expression<Func<Organization, bool>> match, string shown)
    {
        var organization = await call.Service<OrganizationQueries>().Visible(call.Caller).Where(match).OrderBy(o => o.Id).FirstOrDefaultAsync(call.CancellationToken)
            ?? throw new EntityNotFoundException("organizationId", "organization", shown);
        var children = await call.Service<EntitleDbContext>().Organizations.Where(o => o.ParentId == organization.Id).OrderBy(o => o.Id).Select(o => o.Id).ToListAsync(call.CancellationToken);
        var parentId = organization.Id == call.Caller.OrganizationId ? null : organization.ParentId;
        return TmsAnswer.With("Organization", new OrganizationRecord(
            organization.Id, organization.ExternalId, organization.Name, organization.Description, parentId, true, children, organization.CurrencyCode, null));
    }

    private static OrganizationDetails Details(TmsCall call) =>
        new(call.Text("Name"), call.Text("ExternalId"), call.Text("Description"), call.Text("Currency"));
}
