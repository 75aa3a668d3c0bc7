using System.Globalization;
using Entitle.Bench.Data;

namespace Entitle.Bench.Suite;

/// <summary>What a suite run was asked to do, from its command line.</summary>
public sealed record SuiteOptions
{
    public const string Usage =
        "suite [--size small|medium|large] [--providers sqlite,postgres] [--postgres <connection string>] "
        + "[--connections 16] [--seconds 10] [--warmup-seconds 3] [--workloads W1,W2,W3,W4,W5] [--report docs/benchmarks.md]";

    private static readonly string[] AllWorkloads = ["W1", "W2", "W3", "W4", "W5"];

    public DataSize Size { get; init; } = DataSize.Small;

    public IReadOnlyList<string> Providers { get; init; } = ["sqlite", "postgres"];

    /// <summary>A PostgreSQL server the suite may create databases on; without it the suite starts a private one.</summary>
    public string? Postgres { get; init; }

    public int Connections { get; init; } = 16;

    public double Seconds { get; init; } = 10;

    public double WarmUpSeconds { get; init; } = 3;

    public string? Report { get; init; }

    /// <summary>The workloads to measure besides W6 (a start is always measured): all of them unless narrowed for a profiling session.</summary>
    public IReadOnlyList<string> Workloads { get; init; } = AllWorkloads;

    public bool Runs(string workload) => Workloads.Contains(workload);

    public static SuiteOptions? Parse(IReadOnlyList<string> args, out string? problem)
    {
        var options = new SuiteOptions();
        problem = null;
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (i + 1 >= args.Count)
            {
                problem = $"{name} needs a value.";
                return null;
            }

            var value = args[++i];
            switch (name)
            {
                case "--size" when DataSize.Parse(value) is { } size:
                    options = options with { Size = size };
                    break;
                case "--providers" when value.Split(',') is var list && list.All(p => p is "sqlite" or "postgres"):
                    options = options with { Providers = list };
                    break;
                case "--postgres":
                    options = options with { Postgres = value };
                    break;
                case "--connections" when int.TryParse(value, CultureInfo.InvariantCulture, out var connections) && connections is > 0 and <= 256:
                    options = options with { Connections = connections };
                    break;
                case "--seconds" when Positive(value, out var seconds):
                    options = options with { Seconds = seconds };
                    break;
                case "--warmup-seconds" when double.TryParse(value, CultureInfo.InvariantCulture, out var warmUp) && warmUp >= 0:
                    options = options with { WarmUpSeconds = warmUp };
                    break;
                case "--workloads" when value.ToUpperInvariant().Split(',') is var chosen && chosen.All(AllWorkloads.Contains):
                    options = options with { Workloads = chosen };
                    break;
                case "--report":
                    options = options with { Report = value };
                    break;
                default:
                    problem = $"Unknown option or bad value: {name} {value}";
                    return null;
            }
        }

        return options;
    }

    /// <summary>The options as a command line, without a PostgreSQL password.</summary>
    public string CommandLine()
    {
        var parts = new List<string>
        {
            "dotnet run -c Release --project bench/Entitle.Bench -- suite",
            $"--size {Size.Name}",
            $"--providers {string.Join(',', Providers)}",
            $"--connections {Connections}",
            $"--seconds {Seconds.ToString(CultureInfo.InvariantCulture)}",
            $"--warmup-seconds {WarmUpSeconds.ToString(CultureInfo.InvariantCulture)}",
        };
        if (Workloads.Count != AllWorkloads.Length)
        {
            parts.Add($"--workloads {string.Join(',', Workloads)}");
        }

        if (Postgres is not null)
        {
            parts.Add($"--postgres \"{Hosting.ConnectionStrings.WithoutPassword(Postgres)}\"");
        }

        if (Report is not null)
        {
            parts.Add($"--report {Report}");
        }

        return string.Join(' ', parts);
    }

    private static bool Positive(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && value > 0 && double.IsFinite(value);
}
