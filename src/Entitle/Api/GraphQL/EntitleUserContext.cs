using Entitle.Api.GraphQL.Loading;
using Entitle.Application;

namespace Entitle.Api.GraphQL;

/// <summary>
/// What the engine carries through one request: who is asking, the one instant that is "now" for the whole
/// document (so derived states agree between fields), and the request's batch loaders.
/// </summary>
public sealed class EntitleUserContext(Caller caller, DateTime now, Loaders loaders) : Dictionary<string, object?>
{
    public Caller Caller { get; } = caller;

    public DateTime Now { get; } = now;

    public Loaders Loaders { get; } = loaders;
}
