using Entitle.Application;
using Entitle.Application.Organizations;

namespace Entitle.Api.Tms;

/// <summary>One call to a TMS method: who makes it, and its parameters, already checked and read into values.</summary>
public sealed class TmsCall(Caller? caller, PresentedCredential credential, IServiceProvider services, IReadOnlyDictionary<string, object> values, DateTime now)
{
    /// <summary>The caller, known before the handler runs except in a method that checks the credential itself (<see cref="TmsMethod.ChecksCredentialItself"/>).</summary>
    public Caller Caller => caller ?? throw new InvalidOperationException("This method checks the presented credential in its own statement: use Credential.");

    /// <summary>
    /// The caller when the endpoint has looked it up already: always, except in a method that checks the credential
    /// itself, and there too when the call carries an Idempotency-Key (the record is kept per organization).
    /// </summary>
    public Caller? KnownCaller => caller;

    /// <summary>The credential as presented, for a method that checks it in its own statement.</summary>
    public PresentedCredential Credential { get; } = credential;

    /// <summary>The request's instant, read once from the injected clock.</summary>
    public DateTime Now { get; } = now;

    public CancellationToken CancellationToken { get; init; }

    public T Service<T>()
        where T : notnull => services.GetRequiredService<T>();

    public bool Has(string name) => values.ContainsKey(name);

    public int? Number(string name) => values.TryGetValue(name, out var v) ? (int)v : null;

    public DateTime? Instant(string name) => values.TryGetValue(name, out var v) ? (DateTime)v : null;

    public string? Text(string name) => values.TryGetValue(name, out var v) ? (string)v : null;

    public bool? Flag(string name) => values.TryGetValue(name, out var v) ? (bool)v : null;

    public IReadOnlyList<string>? List(string name) => values.TryGetValue(name, out var v) ? (IReadOnlyList<string>)v : null;

    /// <summary>A required parameter's value; the endpoint has already refused calls without it.</summary>
    public int RequiredNumber(string name) => Number(name) ?? throw Missing(name);

    public DateTime RequiredInstant(string name) => Instant(name) ?? throw Missing(name);

    public string RequiredText(string name) => Text(name) ?? throw Missing(name);

    private static InvalidOperationException Missing(string name) => new($"The required parameter {name} was not checked.");
}
