using System.Text;
using Entitle.Application;
using Entitle.Application.Organizations;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Transport;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;
using Microsoft.Net.Http.Headers;

namespace Entitle.Api.GraphQL;

/// <summary>
/// <c>POST /graphql</c> (and <c>GET /graphql?query=…</c> for queries) the way Administrate answers: 401 without a
/// known bearer credential; otherwise HTTP 200 whenever the engine was reached, with failures in <c>errors</c>.
/// Requests the engine cannot read (not JSON, too large, no query) get a 4xx with the same <c>errors</c> shape.
/// </summary>
public static class GraphQLEndpoint
{
    private const string JsonContentType = "application/json; charset=utf-8";

    /// <summary>Stands for a body that is not UTF-8; no JSON parser accepts it, so it is answered as unreadable.</summary>
    private const string InvalidText = "\u0000";

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static async Task PostAsync(HttpContext http, CredentialAuthenticator authenticator, IGraphQLTextSerializer serializer, GraphQLLimits limits, IdempotentRequests idempotent)
    {
        var credential = authenticator.Present(BearerSecret(http));
        if (credential is null)
        {
            await UnauthorizedAsync(http);
            return;
        }

        // An idempotent request is kept under its caller, so the caller is looked up first. Otherwise a document
        // that asks only contentAccess or only issuePass has its credential checked by the use case's own statement
        // (ExecuteAsync); an unknown credential is still answered 401 before anything else is said.
        var key = http.Request.Headers[IdempotentRequests.Header].ToString();
        Caller? caller = null;
        if (key.Length > 0 && (caller = await authenticator.FindCallerAsync(credential, http.RequestAborted)) is null)
        {
            await UnauthorizedAsync(http);
            return;
        }

        async Task RefuseAsync(int status, string message)
        {
            if (caller is null && await authenticator.FindCallerAsync(credential, http.RequestAborted) is null)
            {
                await UnauthorizedAsync(http);
                return;
            }

            await WriteErrorAsync(http, status, message);
        }

        if (!IsJson(http.Request.ContentType))
        {
            await RefuseAsync(StatusCodes.Status415UnsupportedMediaType, "Send the request as application/json: {\"query\": \"…\", \"variables\": {…}}.");
            return;
        }

        var body = await ReadBodyAsync(http, limits.MaxRequestBytes);
        if (body is null)
        {
            await RefuseAsync(StatusCodes.Status413PayloadTooLarge, $"The request body is larger than {limits.MaxRequestBytes} bytes.");
            return;
        }

        GraphQLRequest? request;
        try
        {
            request = serializer.Deserialize<GraphQLRequest>(body);
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or FormatException or InvalidOperationException or ArgumentException or NotSupportedException)
        {
            await RefuseAsync(StatusCodes.Status400BadRequest, "The request body is not a GraphQL request in JSON: {\"query\": \"…\", \"variables\": {…}}.");
            return;
        }

        if (string.IsNullOrWhiteSpace(request?.Query))
        {
            await RefuseAsync(StatusCodes.Status400BadRequest, "The request has no query.");
            return;
        }

        if (caller is null)
        {
            await (await ExecuteAsync(http, null, credential, request, serializer, getRequest: false)).WriteAsync(http);
            return;
        }

        if (IdempotentRequests.Check(key) is { } problem)
        {
            await WriteErrorAsync(http, StatusCodes.Status400BadRequest, problem);
            return;
        }

        var answer = await idempotent.RunAsync(
            caller,
            key,
            IdempotentRequests.Hash(Encoding.UTF8.GetBytes(body)),
            () => ExecuteAsync(http, caller, request, serializer, getRequest: false),
            message => Error(StatusCodes.Status422UnprocessableEntity, message),
            http.RequestAborted);
        await answer.WriteAsync(http);
    }

    public static Task MethodNotAllowedAsync(HttpContext http)
    {
        http.Response.Headers.Allow = "GET, POST";
        return WriteErrorAsync(http, StatusCodes.Status405MethodNotAllowed, "Send GraphQL requests with POST (or queries with GET).");
    }

    public static async Task GetAsync(HttpContext http, CredentialAuthenticator authenticator, IGraphQLTextSerializer serializer)
    {
        var caller = await authenticator.FindCallerAsync(BearerSecret(http), http.RequestAborted);
        if (caller is null)
        {
            await UnauthorizedAsync(http);
            return;
        }

        GraphQLRequest request;
        try
        {
            var variables = http.Request.Query["variables"].ToString();
            request = new GraphQLRequest
            {
                Query = http.Request.Query["query"].ToString(),
                OperationName = http.Request.Query["operationName"].ToString() is { Length: > 0 } name ? name : null,
                Variables = variables.Length > 0 ? serializer.Deserialize<Inputs>(variables) : null,
            };
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or FormatException or InvalidOperationException or ArgumentException)
        {
            await WriteErrorAsync(http, StatusCodes.Status400BadRequest, "The variables parameter is not a JSON object.");
            return;
        }

        if (string.IsNullOrWhiteSpace(request.Query))
        {
            await WriteErrorAsync(http, StatusCodes.Status400BadRequest, "The request has no query.");
            return;
        }

        await (await ExecuteAsync(http, caller, request, serializer, getRequest: true)).WriteAsync(http);
    }

    /// <summary>
    /// Runs the document; the answer is held in memory so that an idempotent request can keep it. The API explorer's
    /// page (<c>Web/Explorer</c>) runs its documents through here too, so that it answers exactly as the API does.
    /// </summary>
    internal static Task<CapturedResponse> ExecuteAsync(HttpContext http, Caller caller, GraphQLRequest request, IGraphQLTextSerializer serializer, bool getRequest) =>
        ExecuteAsync(http, caller, null, request, serializer, getRequest);

    /// <summary>
    /// The same for a caller not looked up yet (<paramref name="caller"/> null): a document that asks only
    /// contentAccess or only issuePass (<see cref="CredentialCheckingDocument"/>) runs at once and its use case's
    /// statement checks <paramref name="credential"/>; any other has the credential looked up first. Whatever ran,
    /// an unknown credential is answered 401.
    /// </summary>
    private static async Task<CapturedResponse> ExecuteAsync(HttpContext http, Caller? caller, PresentedCredential? credential, GraphQLRequest request, IGraphQLTextSerializer serializer, bool getRequest)
    {
        var services = http.RequestServices;
        var clock = services.GetRequiredService<TimeProvider>();
        var now = clock.GetUtcNow().UtcDateTime;

        // The execution limit runs on the app's clock (not GraphQL.NET's own timer), so that it is one clock for
        // everything and a test can make a document "run long" by moving that clock.
        var limits = services.GetRequiredService<GraphQLLimits>();
        using var deadline = new CancellationTokenSource(limits.ExecutionTimeout, clock);
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, deadline.Token);
        var validated = services.GetRequiredService<ValidatedDocuments>();
        var known = validated.Find(request.Query, request.OperationName);
        var document = known?.Document ?? Parse(services, request.Query);
        if (caller is null && (document is null || !CredentialCheckingDocument.ChecksCredentialItself(document, request.OperationName)))
        {
            caller = await services.GetRequiredService<CredentialAuthenticator>().FindCallerAsync(credential, http.RequestAborted);
            if (caller is null)
            {
                return Unauthorized(http);
            }
        }

        var user = new EntitleUserContext(caller, credential, now, services);
        var options = new ExecutionOptions
        {
            Query = request.Query,
            OperationName = request.OperationName,
            Variables = request.Variables,
            Extensions = request.Extensions,
            RequestServices = services,
            UserContext = user,
            CancellationToken = cancellation.Token,
            ValidationRules = known is null ? validated.ForNewDocuments(getRequest) : getRequest ? known.RulesOverGet : known.Rules,
        };

        ExecutionResult result;
        try
        {
            var executer = services.GetRequiredService<IDocumentExecuter<ISchema>>();
            if (known is not null)
            {
                options.Document = known.Document;
                result = await executer.ExecuteAsync(options);
            }
            else if (document is not null)
            {
                options.Document = document;
                var limit = limits.MaxDocumentNodes;
                result = SelectionBudget.Exceeds(document, limit)
                    ? new ExecutionResult { Errors = [new ValidationError($"The document is too large: at most {limit} definitions, variables, selections, arguments, literal values and directives are accepted, counting each fragment wherever it is spread.") { Code = "DOCUMENT_TOO_LARGE" }] }
                    : await executer.ExecuteAsync(options);
                if (result.Executed)
                {
                    validated.Remember(request.Query!, request.OperationName, document);
                }
            }
            else
            {
                result = await executer.ExecuteAsync(options);
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !http.RequestAborted.IsCancellationRequested)
        {
            // The use case's transaction was rolled back by the cancellation: nothing it would have changed is changed.
            result = new ExecutionResult { Errors = [new TimeoutError($"The document ran longer than the {limits.ExecutionTimeout.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)} s limit and was stopped; nothing was changed.")] };
        }

        // A document that checks its own credential but stopped before its use case (a malformed id, a variable of
        // the wrong type) or was refused after the statement (the caller is then not recorded) has not had its
        // credential checked yet: it is looked up now, and an unknown one is 401 whatever the document said.
        if (user.CredentialRefused
            || (user.PendingCredential is { } pending && await services.GetRequiredService<CredentialAuthenticator>().FindCallerAsync(pending, http.RequestAborted) is null))
        {
            return Unauthorized(http);
        }

        var body = new PooledPiecesStream();
        try
        {
            await serializer.WriteAsync(body, result, http.RequestAborted);
        }
        catch
        {
            await body.DisposeAsync();
            throw;
        }

        return new CapturedResponse(StatusCodes.Status200OK, JsonContentType, body);
    }

    /// <summary>The parsed document, or null when it does not parse: the executer then reports why, in its own words.</summary>
    private static GraphQLDocument? Parse(IServiceProvider services, string? query)
    {
        try
        {
            return services.GetRequiredService<IDocumentBuilder>().Build(query!);
        }
        catch (Exception e) when (e is GraphQLParserException or ExecutionError)
        {
            return null;
        }
    }

    /// <summary>The secret presented as <c>Authorization: Bearer …</c>, or null.</summary>
    private static string? BearerSecret(HttpContext http)
    {
        var header = http.Request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
    }

    private static Task UnauthorizedAsync(HttpContext http) => Unauthorized(http).WriteAsync(http);

    /// <summary>The answer to a missing, unknown or revoked credential.</summary>
    private static CapturedResponse Unauthorized(HttpContext http)
    {
        http.Response.Headers.WWWAuthenticate = "Bearer";
        return Error(StatusCodes.Status401Unauthorized, "Authentication failed: send a valid credential as Authorization: Bearer <credential>.");
    }

    private static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var media)
        && (media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || media.MediaType.Equals("application/graphql-response+json", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The body as text, or null when it is longer than <paramref name="maxBytes"/>. Read from Kestrel's own buffers
    /// and decoded once it is whole: copying it through a chunk and a growing stream first was 40% of what a
    /// <c>contentAccess</c> request allocated.
    /// </summary>
    private static async Task<string?> ReadBodyAsync(HttpContext http, int maxBytes)
    {
        if (http.Request.ContentLength > maxBytes)
        {
            return null;
        }

        var reader = http.Request.BodyReader;
        while (true)
        {
            var read = await reader.ReadAsync(http.RequestAborted);
            var buffer = read.Buffer;
            if (buffer.Length > maxBytes)
            {
                reader.AdvanceTo(buffer.End);
                return null;
            }

            if (read.IsCompleted)
            {
                try
                {
                    return StrictUtf8.GetString(buffer);
                }
                catch (DecoderFallbackException)
                {
                    return InvalidText;
                }
                finally
                {
                    reader.AdvanceTo(buffer.End);
                }
            }

            // Nothing consumed, everything examined: the next read returns this and what arrived after it.
            reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    private static Task WriteErrorAsync(HttpContext http, int status, string message) => Error(status, message).WriteAsync(http);

    private static CapturedResponse Error(int status, string message) =>
        new(status, JsonContentType, Encoding.UTF8.GetBytes("{\"errors\":[{\"message\":" + System.Text.Json.JsonSerializer.Serialize(message) + "}]}"));
}
