namespace Entitle.Bench.Soak;

/// <summary>The service's resident memory at an instant of the run, and its CPU use since the previous sample (100 % = one core).</summary>
public sealed record MemorySample(TimeSpan At, double ResidentMegabytes, double CpuPercent);
