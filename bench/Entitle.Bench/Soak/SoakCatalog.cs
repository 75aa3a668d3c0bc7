namespace Entitle.Bench.Soak;

/// <summary>What the traffic works on: a published pass type, its option and one of its courses, and the learners.</summary>
public sealed record SoakCatalog(
    string PassTypeId,
    int PassTypeLegacyId,
    string OptionId,
    string CourseId,
    int CourseLegacyId,
    IReadOnlyList<SoakLearner> Learners);
