namespace Entitle.Bench.Soak;

/// <summary>
/// Puts a run's result into a markdown file between <see cref="SoakReport.Begin"/> and <see cref="SoakReport.End"/>,
/// keeping the text around it; a file without the markers gets the result at its end.
/// </summary>
public static class ReportFile
{
    public static async Task WriteAsync(string path, string section, CancellationToken cancellationToken)
    {
        var existing = File.Exists(path) ? await File.ReadAllTextAsync(path, cancellationToken) : "# Reliability\n";
        var begin = existing.IndexOf(SoakReport.Begin, StringComparison.Ordinal);
        var end = existing.IndexOf(SoakReport.End, StringComparison.Ordinal);
        string updated;
        if (begin >= 0 && end > begin)
        {
            var after = end + SoakReport.End.Length;
            if (after < existing.Length && existing[after] == '\n')
            {
                after++;
            }

            updated = existing[..begin] + section + existing[after..];
        }
        else
        {
            updated = existing.TrimEnd() + "\n\n" + section;
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        await File.WriteAllTextAsync(path, updated, cancellationToken);
    }
}
