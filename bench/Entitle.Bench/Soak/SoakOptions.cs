using System.Globalization;

using Entitle.Bench.Hosting;

namespace Entitle.Bench.Soak;

/// <summary>What a soak run was asked to do, from its command line.</summary>
public sealed record SoakOptions
{
    public const string Usage =
        "soak [--minutes 3] [--rate 40] [--provider sqlite|postgres] [--connection <pg connection string>] "
        + "[--report docs/reliability.md] [--sample-seconds 5] [--max-rss-slope 3] [--service-log <file>]";

    public double Minutes { get; init; } = 3;

    /// <summary>Requests started per second, whatever the answers' latency.</summary>
    public double Rate { get; init; } = 40;

    public SoakProvider Provider { get; init; } = SoakProvider.Sqlite;

    /// <summary>For PostgreSQL: a server the soak may create (and afterwards drop) a database on.</summary>
    public string? Connection { get; init; }

    /// <summary>A markdown file whose soak section is replaced by this run's result.</summary>
    public string? Report { get; init; }

    /// <summary>A file to copy the service's whole output to, for a diagnosis.</summary>
    public string? ServiceLog { get; init; }

    public double SampleSeconds { get; init; } = 5;

    /// <summary>The bar for memory growth: the RSS trend over the second half of the run, in MB per minute.</summary>
    public double MaxRssSlope { get; init; } = 3;

    public TimeSpan Duration => TimeSpan.FromMinutes(Minutes);

    public long TotalRequests => (long)Math.Round(Minutes * 60 * Rate);

    public TimeSpan Interval => TimeSpan.FromSeconds(1 / Rate);

    /// <summary>Parses <paramref name="args"/>; answers null with <paramref name="problem"/> set when they are wrong.</summary>
    public static SoakOptions? Parse(IReadOnlyList<string> args, out string? problem)
    {
        var options = new SoakOptions();
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
                case "--minutes" when Positive(value, out var minutes) && minutes <= 60:
                    options = options with { Minutes = minutes };
                    break;
                case "--rate" when Positive(value, out var rate) && rate <= 10_000:
                    options = options with { Rate = rate };
                    break;
                case "--sample-seconds" when Positive(value, out var seconds):
                    options = options with { SampleSeconds = seconds };
                    break;
                case "--max-rss-slope" when Positive(value, out var slope):
                    options = options with { MaxRssSlope = slope };
                    break;
                case "--provider" when value.Equals("sqlite", StringComparison.OrdinalIgnoreCase):
                    options = options with { Provider = SoakProvider.Sqlite };
                    break;
                case "--provider" when value.Equals("postgres", StringComparison.OrdinalIgnoreCase):
                    options = options with { Provider = SoakProvider.Postgres };
                    break;
                case "--connection":
                    options = options with { Connection = value };
                    break;
                case "--report":
                    options = options with { Report = value };
                    break;
                case "--service-log":
                    options = options with { ServiceLog = value };
                    break;
                default:
                    problem = $"Unknown option or bad value: {name} {value}";
                    return null;
            }
        }

        if (options.Provider == SoakProvider.Postgres && string.IsNullOrWhiteSpace(options.Connection))
        {
            problem = "--provider postgres needs --connection with a server the soak may create a database on.";
            return null;
        }

        if (options.TotalRequests < 1)
        {
            problem = "--minutes and --rate leave no request to send.";
            return null;
        }

        return options;
    }

    /// <summary>The options as a command line, without the PostgreSQL password.</summary>
    public string CommandLine()
    {
        var parts = new List<string>
        {
            "dotnet run -c Release --project bench/Entitle.Bench -- soak",
            $"--minutes {Number(Minutes)}",
            $"--rate {Number(Rate)}",
            $"--provider {Provider.ToString().ToLowerInvariant()}",
        };
        if (Connection is not null)
        {
            parts.Add($"--connection \"{ConnectionStrings.WithoutPassword(Connection)}\"");
        }

        if (SampleSeconds != new SoakOptions().SampleSeconds)
        {
            parts.Add($"--sample-seconds {Number(SampleSeconds)}");
        }

        if (MaxRssSlope != new SoakOptions().MaxRssSlope)
        {
            parts.Add($"--max-rss-slope {Number(MaxRssSlope)}");
        }

        if (Report is not null)
        {
            parts.Add($"--report {Report}");
        }

        if (ServiceLog is not null)
        {
            parts.Add($"--service-log {ServiceLog}");
        }

        return string.Join(' ', parts);
    }

    private static bool Positive(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && value > 0 && double.IsFinite(value);

    private static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
