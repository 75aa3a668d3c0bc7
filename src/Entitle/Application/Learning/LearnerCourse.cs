namespace Entitle.Application.Learning;

/// <summary>A course a learner's valid passes open now, and the pass types that open it.</summary>
public sealed record LearnerCourse(int Id, string Code, string Title, IReadOnlyList<string> OpenedBy);
