namespace Entitle.Bench.Load;

/// <summary>How hard and how long a closed loop runs: this many connections each sending its next request when the last is answered.</summary>
public sealed record LoadOptions(int Connections, TimeSpan WarmUp, TimeSpan Duration);
