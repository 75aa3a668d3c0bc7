using System.Runtime.InteropServices;
using Entitle.Bench.Baseline;
using Entitle.Bench.Soak;
using Entitle.Bench.Suite;

namespace Entitle.Bench;

/// <summary>
/// Entitle's bench: measurements of the real service, one subcommand each
/// (<c>dotnet run -c Release --project bench/Entitle.Bench -- &lt;command&gt; [options]</c>).
/// </summary>
public static class Program
{
    private static readonly IBenchCommand[] Commands = [new SoakCommand(), new SuiteCommand(), new BaselineServeCommand()];

    public static async Task<int> Main(string[] args)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            PrintUsage();
            return args.Length == 0 ? ExitCodes.Usage : ExitCodes.Passed;
        }

        var command = Commands.FirstOrDefault(c => c.Name == args[0]);
        if (command is null)
        {
            await Console.Error.WriteLineAsync($"Unknown command '{args[0]}'.");
            PrintUsage();
            return ExitCodes.Usage;
        }

        // Ctrl+C and SIGTERM end a run early but still let it stop the service and delete its files.
        using var interrupted = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            interrupted.Cancel();
        };
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            interrupted.Cancel();
        });
        return await command.RunAsync(args[1..], interrupted.Token);
    }

    private static void PrintUsage()
    {
        Console.WriteLine("Usage: dotnet run -c Release --project bench/Entitle.Bench -- <command> [options]");
        Console.WriteLine();
        foreach (var command in Commands)
        {
            Console.WriteLine($"  {command.Name,-10} {command.Summary}");
            Console.WriteLine($"  {"",-10} {command.Usage}");
        }
    }
}
