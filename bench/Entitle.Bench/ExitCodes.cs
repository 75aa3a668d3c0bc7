namespace Entitle.Bench;

public static class ExitCodes
{
    public const int Passed = 0;

    /// <summary>The run finished and missed its bar (errors, memory growth).</summary>
    public const int Failed = 1;

    public const int Usage = 2;

    /// <summary>The run could not be made: the service did not start, the setup calls failed.</summary>
    public const int Broken = 3;

    /// <summary>Ctrl+C or SIGTERM, as shells report SIGINT.</summary>
    public const int Interrupted = 130;
}
