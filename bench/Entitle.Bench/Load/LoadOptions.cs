namespace Entitle.Bench.Load;

/// <summary>How hard and how long a loop runs: this many connections each sending its next request when the last is answered.</summary>
/// <param name="Connections">Workers, each on its own pooled connection.</param>
/// <param name="WarmUp">Sent but not counted.</param>
/// <param name="Duration">Counted.</param>
/// <param name="Rate">
/// Requests a second for all the connections together, or none for as many as they can: with a rate, each
/// connection sends at most once per <c>Connections / Rate</c> seconds, so the machine is loaded below saturation.
/// </param>
public sealed record LoadOptions(int Connections, TimeSpan WarmUp, TimeSpan Duration, double? Rate = null);
