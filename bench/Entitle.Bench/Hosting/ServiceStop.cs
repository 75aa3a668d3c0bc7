namespace Entitle.Bench.Hosting;

/// <summary>How the service ended: its exit code, how long it took after SIGTERM, and whether it had to be killed.</summary>
public sealed record ServiceStop(int ExitCode, TimeSpan Took, bool Forced)
{
    public bool Clean => !Forced && ExitCode == 0;
}
