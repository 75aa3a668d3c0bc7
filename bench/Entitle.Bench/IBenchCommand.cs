namespace Entitle.Bench;

/// <summary>One subcommand of the bench.</summary>
public interface IBenchCommand
{
    string Name { get; }

    string Summary { get; }

    /// <summary>The options, in the one-line form the help prints.</summary>
    string Usage { get; }

    /// <summary>Runs the command; answers the process exit code (see <see cref="ExitCodes"/>).</summary>
    Task<int> RunAsync(string[] args, CancellationToken cancellationToken);
}
