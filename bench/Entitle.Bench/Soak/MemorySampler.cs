using System.Diagnostics;

using Entitle.Bench.Hosting;

namespace Entitle.Bench.Soak;

/// <summary>Reads the service's VmRSS and CPU time from outside, every few seconds while the traffic runs.</summary>
public sealed class MemorySampler(ServiceProcess service, TimeSpan every)
{
    private readonly List<MemorySample> _samples = [];
    private TimeSpan _lastWall;
    private TimeSpan _lastCpu;

    public IReadOnlyList<MemorySample> Samples => _samples;

    /// <summary>Samples at once and then every <c>every</c>, on <paramref name="runClock"/>'s time, until <paramref name="stop"/>.</summary>
    public async Task RunAsync(Stopwatch runClock, CancellationToken stop)
    {
        _lastWall = runClock.Elapsed;
        _lastCpu = service.ProcessorTime() ?? TimeSpan.Zero;
        Take(runClock);
        using var timer = new PeriodicTimer(every);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                Take(runClock);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The traffic is over; the caller takes the last sample.
        }
    }

    public void Take(Stopwatch runClock)
    {
        var wall = runClock.Elapsed;
        var rss = service.ResidentBytes();
        var cpu = service.ProcessorTime();
        if (rss is null || cpu is null)
        {
            return;
        }

        var cpuPercent = wall > _lastWall ? 100 * (cpu.Value - _lastCpu) / (wall - _lastWall) : 0;
        _lastWall = wall;
        _lastCpu = cpu.Value;
        _samples.Add(new MemorySample(wall, rss.Value / 1024d / 1024d, cpuPercent));
    }
}
