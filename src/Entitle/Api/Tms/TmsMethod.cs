namespace Entitle.Api.Tms;

/// <summary>
/// A TMS method: its names (the first is the vendor's, the others aliases served by the same handler), its
/// parameters and answer fields (from which requests are checked and the OpenAPI document is written), and how
/// domain errors name its parameters.
/// </summary>
public sealed record TmsMethod(
    IReadOnlyList<string> Names,
    string Summary,
    IReadOnlyList<TmsParameter> Parameters,
    IReadOnlyList<TmsField> Answer,
    Func<TmsCall, Task<TmsAnswer>> Handler)
{
    public TmsCasing Casing { get; init; } = TmsCasing.Pascal;

    /// <summary>Status for an unknown id: Not found (20), except where the vendor documents Error (10).</summary>
    public int NotFoundStatus { get; init; } = TmsStatus.NotFound;

    /// <summary>Entitle's field names (as the domain reports them) mapped to this method's parameter names.</summary>
    public IReadOnlyDictionary<string, string> ParameterNames { get; init; } = new Dictionary<string, string>();

    /// <summary>Fields an answer carries even when the call fails (Get* answer an empty Results).</summary>
    public Func<TmsAnswer>? FailureAnswer { get; init; }

    /// <summary>
    /// Whether the handler checks the presented credential in its own statement (<see cref="TmsCall.Credential"/>)
    /// instead of the endpoint looking it up first: one round trip to the database for the whole call. Only for a
    /// read asked so often that the second round trip counts (CheckCourseAccess, on every course launch). The
    /// handler refuses an unknown credential with status 30, as the endpoint does.
    /// </summary>
    public bool ChecksCredentialItself { get; init; }

    public string Name => Names[0];
}
