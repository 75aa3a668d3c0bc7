namespace Entitle.Tests.Hardening.Isolation;

/// <summary>The rows two <see cref="Support.DatabaseSnapshot"/>s disagree on, each as <c>table: row</c>.</summary>
public sealed record SnapshotDiff(IReadOnlyList<string> Removed, IReadOnlyList<string> Added)
{
    public bool IsEmpty => Removed.Count == 0 && Added.Count == 0;

    public static SnapshotDiff Between(string before, string after)
    {
        var old = Rows(before);
        var now = Rows(after);
        return new SnapshotDiff(Minus(old, now), Minus(now, old));
    }

    /// <summary>A few of the rows, enough to see what changed.</summary>
    public string Describe()
    {
        static string Some(IReadOnlyList<string> rows) => string.Join("; ", rows.Take(3)) + (rows.Count > 3 ? $"; … {rows.Count - 3} more" : "");
        return (Removed.Count > 0 ? $"rows changed or removed: {Some(Removed)}" : "") + (Removed.Count > 0 && Added.Count > 0 ? " | " : "") + (Added.Count > 0 ? $"rows added: {Some(Added)}" : "");
    }

    private static List<string> Rows(string snapshot)
    {
        var rows = new List<string>();
        var table = "";
        foreach (var line in snapshot.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                table = line[3..].TrimEnd('\r');
            }
            else
            {
                rows.Add($"{table}: {line.TrimEnd('\r')}");
            }
        }

        return rows;
    }

    /// <summary>The rows of <paramref name="these"/> not matched one for one in <paramref name="those"/>.</summary>
    private static List<string> Minus(List<string> these, List<string> those)
    {
        var left = those.GroupBy(r => r, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var row in these)
        {
            if (left.TryGetValue(row, out var count) && count > 0)
            {
                left[row] = count - 1;
            }
            else
            {
                missing.Add(row);
            }
        }

        return missing;
    }
}
