namespace Entitle.Bench.Hosting;

/// <summary>
/// Puts a run's result into a markdown file between a begin and an end marker,
/// keeping the text around it; a file without the markers gets the result at its end.
/// </summary>
public static class ReportFile
{
    public static async Task WriteAsync(string path, string section, string beginMarker, string endMarker, string newFileHeading, CancellationToken cancellationToken)
    {
        var existing = File.Exists(path) ? await File.ReadAllTextAsync(path, cancellationToken) : newFileHeading;
        var begin = existing.IndexOf(beginMarker, StringComparison.Ordinal);
        var end = existing.IndexOf(endMarker, StringComparison.Ordinal);
        string updated;
        if (begin >= 0 && end > begin)
        {
            var after = end + endMarker.Length;
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
