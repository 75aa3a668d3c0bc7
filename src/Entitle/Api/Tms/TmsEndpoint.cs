using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Entitle.Application;
using Entitle.Application.Organizations;
using Entitle.Domain;
using Microsoft.Extensions.Primitives;

namespace Entitle.Api.Tms;

/// <summary>
/// <c>GET|POST /api/2.0/{Method}[/{id}]</c> the way Skillable's TMS answers: HTTP 200 with a status envelope for
/// every known method, whatever happened (30: no or unknown <c>api_key</c>; 10: a bad request or a refused rule,
/// with a sentence naming the parameter; 20: an unknown id), and nothing changed unless the status is 0.
/// </summary>
public static class TmsEndpoint
{
    /// <summary>The largest form body accepted: 100,000 keys of up to 30 characters, with room to spare.</summary>
    public const long MaxBodyBytes = 4 * 1024 * 1024;

    /// <summary>The answer to a missing, unknown or revoked credential (status 30).</summary>
    public const string InvalidKeyMessage = "Invalid integration key: send your organization's key in the api_key header.";

    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = null,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static async Task HandleAsync(HttpContext http, string method, string? id, TmsMethods methods, CredentialAuthenticator authenticator, IdempotentRequests idempotent, TimeProvider clock, ILoggerFactory loggers)
    {
        var definition = methods.Find(method);
        if (definition is null)
        {
            var unknown = Capture(TmsCasing.Pascal, (TmsStatus.NotFound, $"There is no method named {Shown(method)} in API 2.0; the methods are listed at /api/2.0/openapi.json.", null));
            await unknown.WithStatus(StatusCodes.Status404NotFound).WriteAsync(http);
            return;
        }

        var credential = authenticator.Present(http.Request.Headers["api_key"].ToString());
        var key = http.Request.Headers[IdempotentRequests.Header].ToString();
        if (credential is not null && definition.ChecksCredentialItself && key.Length == 0)
        {
            // The handler's own statement checks the credential: one round trip for the whole call.
            await AnswerAsync(http, definition, null, credential, authenticator, id, clock, loggers);
            return;
        }

        var caller = await authenticator.FindCallerAsync(credential, http.RequestAborted);
        if (caller is null || credential is null)
        {
            await WriteAsync(http, definition.Casing, TmsStatus.InvalidIntegrationKey, InvalidKeyMessage, definition.FailureAnswer?.Invoke());
            return;
        }

        if (key.Length == 0)
        {
            await AnswerAsync(http, definition, caller, credential, authenticator, id, clock, loggers);
            return;
        }

        if (IdempotentRequests.Check(key) is { } problem)
        {
            await WriteAsync(http, definition.Casing, TmsStatus.Error, problem, definition.FailureAnswer?.Invoke());
            return;
        }

        var raw = (await RawParametersAsync(http)).ToList();
        var fingerprint = definition.Name + "\n" + id + "\n" + string.Join("\n", raw
            .SelectMany(p => p.Value.Select(v => p.Key.ToLowerInvariant() + "=" + v))
            .Order(StringComparer.Ordinal));
        var answer = await idempotent.RunAsync(
            caller,
            key,
            IdempotentRequests.Hash(Encoding.UTF8.GetBytes(fingerprint)),
            async () => Capture(definition.Casing, await RunAsync(http, definition, caller, credential, authenticator, id, clock, loggers, raw)),
            message => Capture(definition.Casing, (TmsStatus.Error, message, definition.FailureAnswer?.Invoke())),
            http.RequestAborted);
        await answer.WriteAsync(http);
    }

    private static async Task AnswerAsync(HttpContext http, TmsMethod definition, Caller? caller, PresentedCredential credential, CredentialAuthenticator authenticator, string? id, TimeProvider clock, ILoggerFactory loggers)
    {
        var (status, error, answer) = await RunAsync(http, definition, caller, credential, authenticator, id, clock, loggers, null);
        await WriteAsync(http, definition.Casing, status, error, answer);
    }

    /// <summary>
    /// Reads the parameters and runs the handler. Without a <paramref name="caller"/> the handler checks the credential
    /// itself (<see cref="TmsMethod.ChecksCredentialItself"/>); parameters it cannot accept are then answered only
    /// after the credential lookup, so that an unknown credential is status 30 whatever else is wrong, as everywhere.
    /// </summary>
    private static async Task<(int Status, string? Error, TmsAnswer? Answer)> RunAsync(HttpContext http, TmsMethod definition, Caller? caller, PresentedCredential credential, CredentialAuthenticator authenticator, string? id, TimeProvider clock, ILoggerFactory loggers, IEnumerable<KeyValuePair<string, StringValues>>? raw)
    {
        try
        {
            var parameters = TmsParameterReader.Read(definition, raw ?? await RawParametersAsync(http), id);
            var call = new TmsCall(caller, credential, http.RequestServices, parameters, clock.GetUtcNow().UtcDateTime) { CancellationToken = http.RequestAborted };
            return (TmsStatus.Success, null, await definition.Handler(call));
        }
        catch (TmsRequestException e)
        {
            return e.Status != TmsStatus.InvalidIntegrationKey && caller is null && await authenticator.FindCallerAsync(credential, http.RequestAborted) is null
                ? (TmsStatus.InvalidIntegrationKey, InvalidKeyMessage, definition.FailureAnswer?.Invoke())
                : (e.Status, e.Message, definition.FailureAnswer?.Invoke());
        }
        catch (EntityNotFoundException e)
        {
            return (definition.NotFoundStatus, Sentence(definition, e), definition.FailureAnswer?.Invoke());
        }
        catch (DomainRuleException e)
        {
            return (TmsStatus.Error, Sentence(definition, e), definition.FailureAnswer?.Invoke());
        }
        catch (CommitOutcomeUnknownException e)
        {
            loggers.CreateLogger("Entitle.Tms").LogError(e, "TMS method {Method}: the commit's outcome is unknown", definition.Name);
            return (TmsStatus.Error, "The database failed while saving; the change may or may not have been made. Retry with the same Idempotency-Key to be sure.", definition.FailureAnswer?.Invoke());
        }
        // A body the server refused while it was read (too large, too slow) goes on to the error boundary, which
        // answers with the server's 4xx.
        catch (Exception e) when (e is not (OperationCanceledException or BadHttpRequestException))
        {
            // Every use case is one transaction, so a failure here has changed nothing.
            loggers.CreateLogger("Entitle.Tms").LogError(e, "TMS method {Method} failed", definition.Name);
            return (TmsStatus.Error, "The request could not be completed; nothing was changed. Try again later.", definition.FailureAnswer?.Invoke());
        }
    }

    public static async Task MethodNotAllowedAsync(HttpContext http)
    {
        http.Response.Headers.Allow = "GET, POST";
        await Capture(TmsCasing.Pascal, (TmsStatus.Error, "Call TMS methods with GET or POST.", null)).WithStatus(StatusCodes.Status405MethodNotAllowed).WriteAsync(http);
    }

    /// <summary>An address under <c>/api</c> that names no method: no method, extra segments, another version.</summary>
    public static Task UnknownAddressAsync(HttpContext http) =>
        Capture(TmsCasing.Pascal, (TmsStatus.NotFound, "There is no method at this address in API 2.0; call /api/2.0/{Method} or /api/2.0/{Method}/{id} with a method listed at /api/2.0/openapi.json.", null)).WithStatus(StatusCodes.Status404NotFound).WriteAsync(http);

    /// <summary>Query string plus, for POST, a form body: the vendor accepts parameters either way.</summary>
    private static async Task<IEnumerable<KeyValuePair<string, StringValues>>> RawParametersAsync(HttpContext http)
    {
        IEnumerable<KeyValuePair<string, StringValues>> all = http.Request.Query;
        if (HttpMethods.IsPost(http.Request.Method) && http.Request.HasFormContentType)
        {
            try
            {
                var form = await http.Request.ReadFormAsync(http.RequestAborted);
                all = all.Concat(form);
            }
            // A body over the size limit or arriving too slowly is the server's refusal, not a parameter problem:
            // the error boundary answers it 413 or 408, in the envelope, as the transport failures are documented.
            catch (Exception e) when (e is InvalidDataException or IOException
                && e is not BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge or StatusCodes.Status408RequestTimeout })
            {
                throw new TmsRequestException("The form body could not be read: " + e.Message);
            }
        }

        return all;
    }

    /// <summary>The domain's sentence, led by the name of this method's parameter at fault.</summary>
    private static string Sentence(TmsMethod method, DomainRuleException e)
    {
        var parameter = method.ParameterNames.TryGetValue(e.Field, out var mapped) ? mapped : e.Field;
        return $"{parameter}: {e.Message}";
    }

    /// <summary>The whole answer is written to memory first, so a failure can never leave half an answer on the wire.</summary>
    private static Task WriteAsync(HttpContext http, TmsCasing casing, int status, string? error, TmsAnswer? answer) =>
        Capture(casing, (status, error, answer)).WriteAsync(http);

    private static CapturedResponse Capture(TmsCasing casing, (int Status, string? Error, TmsAnswer? Answer) outcome)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = Json.Encoder }))
        {
            Write(writer, casing, outcome.Status, outcome.Error, outcome.Answer);
        }

        return new CapturedResponse(StatusCodes.Status200OK, "application/json; charset=utf-8", buffer.WrittenSpan.ToArray());
    }

    private static void Write(Utf8JsonWriter writer, TmsCasing casing, int status, string? error, TmsAnswer? answer)
    {
        writer.WriteStartObject();
        writer.WriteNumber(casing == TmsCasing.Lower ? "status" : "Status", status);
        writer.WriteString(casing == TmsCasing.Lower ? "error" : "Error", error);
        foreach (var (name, value) in answer?.Fields ?? [])
        {
            writer.WritePropertyName(name);
            JsonSerializer.Serialize(writer, value, value?.GetType() ?? typeof(object), Json);
        }

        writer.WriteEndObject();
    }

    private static string Shown(string text) => text.Length <= 60 ? text : string.Concat(text.AsSpan(0, 60), "…");
}
