namespace Entitle.Api.Tms.Records;

public sealed record CourseRecord(int Id, string Code, string Name, string? Description, bool Enabled, long Created);
