namespace Entitle.Api.Tms.Records;

/// <summary>A subscription profile (Club): a pass type seen through TMS's eyes.</summary>
public sealed record ClubRecord(
    int Id,
    string Name,
    string? Description,
    int OrganizationId,
    int? Duration,
    string? DurationUnit,
    int? DurationValue,
    decimal Price,
    string Currency,
    bool Enabled,
    IReadOnlyList<int> Courses,
    IReadOnlyList<int> LearningPaths,
    long Created,
    long LastModified);
