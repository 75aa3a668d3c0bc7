using System.Globalization;
using System.Linq.Expressions;
using Entitle.Api.Tms.Records;
using Entitle.Application;
using Entitle.Application.Catalog;
using Entitle.Domain;
using Entitle.Domain.Catalog;
using Entitle.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Entitle.Api.Tms.Methods;

/// <summary>Courses are Entitle's course templates; <c>Enabled</c> is "published".</summary>
public static class CourseMethods
{
    private static readonly Dictionary<string, LambdaExpression> Sorts = new()
    {
        ["Name"] = Key(c => c.Title),
        ["Code"] = Key(c => c.Code),
        ["Id"] = Key(c => c.Id),
        ["Created"] = Key(c => c.CreatedAt),
    };

    public static IEnumerable<TmsMethod> All() =>
    [
        new(["SearchCourses"], "Searches the courses the caller can see: its own and its parents'.",
            [
                .. TmsSearch.Parameters(100, "Name", Sorts.Keys),
                TmsParameter.Optional("name", TmsType.Text, "Only courses whose name contains this text, ignoring case."),
                TmsParameter.Optional("code", TmsType.Text, "Only the course with this code."),
            ],
            TmsSearch.Answer("CourseRecord"), SearchAsync),
        new(["GetCourse"], "Returns a course by Id.", [TmsParameter.Needed("id", TmsType.Number, "The course's Id.")],
            [new("Course", "CourseRecord", "The course; null when not found.")], GetAsync) { FailureAnswer = () => TmsAnswer.With("Course", null), ParameterNames = new Dictionary<string, string> { ["courseTemplateId"] = "id" } },
    ];

    private static Task<TmsAnswer> SearchAsync(TmsCall call)
    {
        var query = call.Service<CatalogQueries>().CourseTemplates(call.Caller);
        if (call.Text("name") is { } name)
        {
            var pattern = LikePatterns.ContainsIgnoringCase(name);
            query = query.Where(c => EF.Functions.Like(c.Title.ToLower(), pattern, LikePatterns.EscapeCharacter));
        }

        if (call.Text("code") is { } code)
        {
            query = query.Where(c => c.Code == code);
        }

        return TmsSearch.PageAsync(call, query, Sorts, "Name", 100, c => c.Id, rows => Task.FromResult((IReadOnlyList<CourseRecord>)rows.Select(Record).ToList()));
    }

    private static async Task<TmsAnswer> GetAsync(TmsCall call)
    {
        var id = call.RequiredNumber("id");
        var course = await call.Service<CatalogQueries>().CourseTemplates(call.Caller).FirstOrDefaultAsync(c => c.Id == id, call.CancellationToken)
            ?? throw new EntityNotFoundException("courseTemplateId", "course", id.ToString(CultureInfo.InvariantCulture));
        return TmsAnswer.With("Course", Record(course));
    }

    private static CourseRecord Record(CourseTemplate c) =>
        new(c.Id, c.Code, c.Title, c.Description, c.LifecycleState == LifecycleState.Published, TmsTime.Seconds(c.CreatedAt));

    private static Expression<Func<CourseTemplate, TKey>> Key<TKey>(Expression<Func<CourseTemplate, TKey>> key) => key;
}
