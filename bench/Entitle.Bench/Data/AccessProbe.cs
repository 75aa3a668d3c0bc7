namespace Entitle.Bench.Data;

/// <summary>One access question of workload W1: may this contact start this course?</summary>
public sealed record AccessProbe(int ContactId, int CourseId);
