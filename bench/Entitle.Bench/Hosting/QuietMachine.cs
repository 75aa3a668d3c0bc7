using System.Diagnostics;
using System.Globalization;

namespace Entitle.Bench.Hosting;

/// <summary>
/// Waits for the machine to go quiet before a cold start is measured: a start comes straight after loading a data
/// set (and, for the second database, after the first one's workloads), and it is a single figure, with no turns to
/// even out whatever else still ran on the two cores in that second. Quiet means at least <see cref="IdleShare"/> of the CPU idle over a whole second, read
/// from <c>/proc/stat</c>; where there is no <c>/proc/stat</c>, nothing is waited for.
/// </summary>
public static class QuietMachine
{
    public const double IdleShare = 0.9;

    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);

    /// <summary>Answers how long it waited, and whether the machine did go quiet within <paramref name="atMost"/>.</summary>
    public static async Task<(TimeSpan Waited, bool Quiet)> WaitAsync(TimeSpan atMost, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        if (ReadTimes() is not { } previous)
        {
            return (TimeSpan.Zero, true);
        }

        while (clock.Elapsed < atMost)
        {
            await Task.Delay(Window, cancellationToken);
            var current = ReadTimes()!.Value;
            var total = current.Total - previous.Total;
            var idle = current.Idle - previous.Idle;
            previous = current;
            if (total > 0 && (double)idle / total >= IdleShare)
            {
                return (clock.Elapsed, true);
            }
        }

        return (clock.Elapsed, false);
    }

    /// <summary>The first line of /proc/stat: every core's time since boot in clock ticks, and the idle part of it (idle and waiting for IO).</summary>
    private static (long Total, long Idle)? ReadTimes()
    {
        if (!File.Exists("/proc/stat"))
        {
            return null;
        }

        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();

        // user nice system idle iowait irq softirq steal guest guest_nice; guest time is already counted in user.
        var total = fields.Take(8).Sum();
        return (total, fields[3] + fields[4]);
    }
}
