namespace Entitle.Bench.Data;

/// <summary>
/// How much data the generator writes. <see cref="Large"/> is the figure; <see cref="Medium"/> is a tenth of
/// it, the comparison point for "the large data set costs no more than 1.3× the p50 of one ten times smaller";
/// <see cref="Small"/> is for trying the suite out in seconds.
/// </summary>
public sealed record DataSize(
    string Name,
    int Organizations,
    int Contacts,
    int Courses,
    int LearningPaths,
    int PassTypes,
    int Passes,
    int Keys)
{
    /// <summary>Courses in each learning path.</summary>
    public const int CoursesPerPath = 10;

    /// <summary>Content items of each pass type: courses directly, plus <see cref="PathsPerPassType"/> learning paths.</summary>
    public const int CoursesPerPassType = 45;

    public const int PathsPerPassType = 5;

    /// <summary>Options of each pass type (monthly, yearly), each with one price.</summary>
    public const int OptionsPerPassType = 2;

    /// <summary>Keys per key batch, as if minted by separate sales.</summary>
    public const int KeysPerBatch = 10_000;

    public static readonly DataSize Small = new("small", 10, 1_000, 200, 20, 100, 10_000, 10_000);

    public static readonly DataSize Medium = new("medium", 100, 10_000, 2_000, 200, 100, 100_000, 100_000);

    public static readonly DataSize Large = new("large", 100, 100_000, 2_000, 200, 1_000, 1_000_000, 1_000_000);

    public static IReadOnlyList<DataSize> All { get; } = [Small, Medium, Large];

    public int PassesPerContact => Passes / Contacts;

    /// <summary>The size with a tenth of the contacts, passes and keys: W1's comparison point for how access checks scale.</summary>
    public DataSize? TenTimesSmaller => Name switch { "large" => Medium, "medium" => Small, _ => null };

    public static DataSize? Parse(string name) =>
        All.FirstOrDefault(s => s.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
}
