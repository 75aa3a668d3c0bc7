namespace Entitle.Bench.Suite;

/// <summary>
/// One line of the report: a workload's figure for Entitle and for its baseline on one database, measured in the
/// same run, with the target the ratio is held to.
/// </summary>
/// <param name="Workload">W1…W6 and what was measured.</param>
/// <param name="Database">sqlite or postgres.</param>
/// <param name="Entitle">Entitle's figure, as printed.</param>
/// <param name="Baseline">The baseline's figure, as printed; empty where there is none.</param>
/// <param name="Ratio">Entitle relative to the baseline (higher is better for throughput, the factor for durations); null where there is none.</param>
/// <param name="Target">What the issue asks of the figure.</param>
/// <param name="Met">Whether it was met; null where the run cannot tell.</param>
public sealed record SuiteRow(string Workload, string Database, string Entitle, string Baseline, double? Ratio, string Target, bool? Met);
