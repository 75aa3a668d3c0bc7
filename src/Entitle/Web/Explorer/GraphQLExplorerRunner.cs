using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Entitle.Api.GraphQL;
using Entitle.Application;
using Entitle.Application.Organizations;
using Entitle.Persistence;
using Entitle.Web.Components.Common;
using GraphQL;
using GraphQL.Transport;
using Microsoft.EntityFrameworkCore;

namespace Entitle.Web.Explorer;

/// <summary>
/// Runs a document typed into the explorer the way <c>POST /graphql</c> runs one: the same credential lookup, size
/// limit, executor, validation and tenancy (<see cref="GraphQLEndpoint"/> executes it). Only the transport differs:
/// a form instead of JSON, and a signed-in admin session may stand in for the bearer credential.
/// </summary>
public sealed class GraphQLExplorerRunner(CredentialAuthenticator authenticator, IGraphQLTextSerializer serializer, GraphQLLimits limits, EntitleDbContext db)
{
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        // As the API writes it: no \u0027 or \u002B escapes. The page encodes the text for HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>
    /// Runs <paramref name="form"/> as the typed credential, else as <paramref name="session"/>. Whatever stops the
    /// run, or a document the engine refused, is kept in <paramref name="errors"/> against the input at fault.
    /// </summary>
    /// <returns>The answer, or null when the document was not run.</returns>
    public async Task<GraphQLExplorerAnswer?> RunAsync(HttpContext http, GraphQLExplorerForm form, Caller? session, FormErrors errors)
    {
        var caller = await CallerAsync(form.Credential, session, errors, http.RequestAborted);
        var query = form.Query ?? "";
        var variablesText = form.Variables ?? "";
        if (string.IsNullOrWhiteSpace(query))
        {
            errors.Add(GraphQLExplorerFields.Query, "Write a query or mutation to run.");
        }
        else if (Encoding.UTF8.GetByteCount(query) + Encoding.UTF8.GetByteCount(variablesText) > limits.MaxRequestBytes)
        {
            errors.Add(GraphQLExplorerFields.Query, $"The query and variables are larger than {limits.MaxRequestBytes} bytes, the most the API accepts in one request.");
        }

        var variables = ReadVariables(variablesText, errors);
        if (errors.Any || caller is null)
        {
            return null;
        }

        var request = new GraphQLRequest
        {
            Query = query,
            Variables = variables,
            OperationName = string.IsNullOrWhiteSpace(form.OperationName) ? null : form.OperationName.Trim(),
        };
        var response = await GraphQLEndpoint.ExecuteAsync(http, caller, request, serializer, getRequest: false);
        var answer = JsonNode.Parse(response.Body);
        KeepDocumentErrors(answer, errors);
        var name = await db.Organizations.AsNoTracking().Where(o => o.Id == caller.OrganizationId).Select(o => o.Name).FirstOrDefaultAsync(http.RequestAborted);
        return new GraphQLExplorerAnswer(answer?.ToJsonString(Indented) ?? "null", $"{name} (organization {caller.OrganizationId})");
    }

    private async Task<Caller?> CallerAsync(string? credential, Caller? session, FormErrors errors, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(credential))
        {
            if (session is null)
            {
                errors.Add(GraphQLExplorerFields.Credential, "Enter your organization's credential, or sign in to the admin console first.");
            }

            return session;
        }

        var caller = await authenticator.FindCallerAsync(credential.Trim(), cancellationToken);
        if (caller is null)
        {
            errors.Add(GraphQLExplorerFields.Credential, "This credential is unknown or has been revoked.");
        }

        return caller;
    }

    private Inputs? ReadVariables(string text, FormErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            if (JsonNode.Parse(text) is JsonObject)
            {
                return serializer.Deserialize<Inputs>(text);
            }
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or ArgumentException or NotSupportedException)
        {
            // Reported below, as any text that is not a JSON object.
        }

        errors.Add(GraphQLExplorerFields.Variables, "Variables must be a JSON object, for example {\"first\": 5}.");
        return null;
    }

    /// <summary>
    /// A document the engine refused to run (it answers errors and no <c>data</c>) is the fault of the query, or of
    /// the variables or operation name when the errors say so; errors while running stay in the answer only.
    /// </summary>
    private static void KeepDocumentErrors(JsonNode? answer, FormErrors errors)
    {
        if (answer is not JsonObject root || root.ContainsKey("data") || root["errors"] is not JsonArray list)
        {
            return;
        }

        var byField = new Dictionary<string, List<string>>();
        foreach (var error in list.OfType<JsonObject>())
        {
            var message = error["message"]?.GetValue<string>() ?? "";
            var code = error["extensions"]?["code"]?.GetValue<string>() ?? "";
            var field = code switch
            {
                "INVALID_VALUE" when message.StartsWith("Variable '$", StringComparison.Ordinal) => GraphQLExplorerFields.Variables,
                "INVALID_OPERATION_NAME" or "NO_OPERATION_NAME" => GraphQLExplorerFields.OperationName,
                _ => GraphQLExplorerFields.Query,
            };
            if (!byField.TryGetValue(field, out var messages))
            {
                byField[field] = messages = [];
            }

            messages.Add(message);
        }

        foreach (var (field, messages) in byField)
        {
            errors.Add(field, string.Join(" ", messages));
        }
    }
}
