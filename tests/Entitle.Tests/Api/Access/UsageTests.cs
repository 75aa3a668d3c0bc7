using Entitle.Persistence;
using Entitle.Tests.Support;

namespace Entitle.Tests.Api.Access;

/// <summary>Starting a course records usage only when access is granted, linked to the granting pass, in both APIs.</summary>
public abstract class UsageTests(DatabaseProvider provider) : TmsTests(provider)
{
    private const string UsageFields = "trainingPassUsage { legacyId startedAt trainingPass { legacyId } contact { legacyId } courseTemplate { code } }";

    [Fact]
    public async Task AGrantedStartIsRecordedOnThePassAndVisibleToBothApis()
    {
        var started = await SucceedsAsync($"mutation {{ trainingPass {{ startCourse(input: {{contactId: \"{Ids.Person(31)}\", courseId: \"{Ids.Course(3)}\"}}) {{ {UsageFields} errors {{ label message value }} }} }} }}");

        Assert.Equal("""{"legacyId":1,"startedAt":"2023-04-03T09:30:00Z","trainingPass":{"legacyId":1},"contact":{"legacyId":31},"courseTemplate":{"code":"FA-102"}}""", TestApp.Json(started.At("trainingPassUsage")));

        var assignment = await OkAsync("CreateCourseAssignment?userId=31&courseId=1&ClubMembershipId=1&externalId=lms-9");
        Assert.Equal(["status", "error", "CourseAssignmentId"], assignment.AsObject().Select(p => p.Key));

        var onPass = await App.GraphQLAsync($"{{ node(id: \"{Ids.Pass(1)}\") {{ ... on TrainingPass {{ usage {{ edges {{ node {{ legacyId courseTemplate {{ legacyId }} externalId }} }} pageInfo {{ totalRecords }} }} }} }} }}");
        Assert.Equal(2, onPass.At("data.node.usage.pageInfo.totalRecords").GetValue<int>());
        Assert.Equal("lms-9", onPass.Text("data.node.usage.edges.1.node.externalId"));
        var search = await OkAsync("SearchCourseAssignments?ClubMembershipId=1&sort=Start%20DESC");
        Assert.Equal(2, search["TotalCount"]!.GetValue<int>());
        Assert.Equal("""{"Id":1,"ExternalId":null,"UserId":31,"CourseId":3,"ClubMembershipId":1,"Start":1680514200}""", search["Results"]![1]!.ToJsonString());
        Assert.Equal(1, (await OkAsync("SearchCourseAssignments?courseId=3"))["TotalCount"]!.GetValue<int>());
        Assert.Equal(0, (await OkAsync("SearchCourseAssignments?userId=32"))["TotalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task ADeniedStartIsRefusedWithTheReasonAndRecordsNothing()
    {
        var refused = await RefusedAsync($"mutation {{ trainingPass {{ startCourse(input: {{contactId: \"{Ids.Person(36)}\", courseId: \"{Ids.Course(1)}\"}}) {{ trainingPassUsage {{ legacyId }} errors {{ label message value }} }} }} }}", "courseId", messageContains: "(no_pass)");
        Assert.Equal(Ids.Course(1), refused["value"]!.GetValue<string>());
        await RefusedAsync($"mutation {{ trainingPass {{ startCourse(input: {{contactId: \"{Ids.Person(31)}\", courseId: \"{Ids.Course(5)}\"}}) {{ trainingPassUsage {{ legacyId }} errors {{ label message value }} }} }} }}", "courseId", messageContains: "(not_in_content)");
        await RefusedAsync($"mutation {{ trainingPass {{ startCourse(input: {{contactId: \"{Ids.Person(31)}\", courseId: \"{Ids.Course(99)}\"}}) {{ trainingPassUsage {{ legacyId }} errors {{ label message value }} }} }} }}", "courseId");

        App.Clock.Advance(TimeSpan.FromDays(400));
        var expired = await FailsAsync("CreateCourseAssignment?userId=31&courseId=1", 10, "courseId: Access is denied (pass_expired)");
        Assert.Equal(["status", "error"], expired.AsObject().Select(p => p.Key));
    }

    [Fact]
    public async Task AStartGoesUnderTheNamedPassOnlyWhenThatPassGrantsIt()
    {
        var second = (await SucceedsAsync($"mutation {{ trainingPass {{ issuePass(input: {{trainingPassTypeId: \"{Ids.Type(1)}\", trainingPassTypeOptionId: \"{Ids.Option(1)}\", contactId: \"{Ids.Person(31)}\", validFrom: \"2023-01-01T00:00:00Z\", validUntil: \"2023-12-01T00:00:00Z\"}}) {{ trainingPass {{ legacyId }} errors {{ label }} }} }} }}")).At("trainingPass.legacyId").GetValue<int>();
        var other = (await SucceedsAsync($"mutation {{ trainingPass {{ issuePass(input: {{trainingPassTypeId: \"{Ids.Type(1)}\", trainingPassTypeOptionId: \"{Ids.Option(1)}\", contactId: \"{Ids.Person(32)}\"}}) {{ trainingPass {{ legacyId }} errors {{ label }} }} }} }}")).At("trainingPass.legacyId").GetValue<int>();

        var automatic = await OkAsync("CreateCourseAssignment?userId=31&courseId=2");
        var named = await OkAsync("CreateCourseAssignment?userId=31&courseId=2&ClubMembershipId=1");

        var records = (await OkAsync("SearchCourseAssignments?userId=31"))["Results"]!.AsArray();
        Assert.Equal(second, records.Single(r => r!["Id"]!.GetValue<int>() == automatic["CourseAssignmentId"]!.GetValue<int>())!["ClubMembershipId"]!.GetValue<int>());
        Assert.Equal(1, records.Single(r => r!["Id"]!.GetValue<int>() == named["CourseAssignmentId"]!.GetValue<int>())!["ClubMembershipId"]!.GetValue<int>());
        await FailsAsync($"CreateCourseAssignment?userId=31&courseId=2&ClubMembershipId={other}", 10, "ClubMembershipId: This pass does not grant");
    }

    public sealed class OnSqlite() : UsageTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : UsageTests(DatabaseProvider.Postgres);
}
