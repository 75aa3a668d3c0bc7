using Entitle.Persistence;
using Entitle.Tests.Support;

namespace Entitle.Tests.Api.Tms;

/// <summary>Users, organizations, courses and subscription profiles over TMS.</summary>
public abstract class DirectoryMethodTests(DatabaseProvider provider) : TmsTests(provider)
{
    [Fact]
    public async Task UsersAreCreatedReadChangedAndDeleted()
    {
        var created = await OkAsync("CreateUser?FirstName=Mae&LastName=Jemison&Email=Mae@Example.com&UserName=mae&ExternalId=hr-1&OrganizationId=3");
        var id = created["UserId"]!.GetValue<int>();

        var user = (await OkAsync($"GetUser/{id}"))["User"]!;
        Assert.Equal(["Id", "ExternalId", "FirstName", "LastName", "UserName", "Email", "OrganizationId", "Disabled"], user.AsObject().Select(p => p.Key));
        Assert.Equal("""{"Id":41,"ExternalId":"hr-1","FirstName":"Mae","LastName":"Jemison","UserName":"mae","Email":"Mae@Example.com","OrganizationId":3,"Disabled":false}""", user.ToJsonString());
        Assert.Equal(id, (await OkAsync("GetUserByEmail?email=mae@example.COM"))["User"]!["Id"]!.GetValue<int>());
        Assert.Equal(id, (await OkAsync("GetUserByExternalId/hr-1"))["User"]!["Id"]!.GetValue<int>());

        await OkAsync($"UpdateUser?Id={id}&Disabled=true&LastName=Jemison-Smith");
        var updated = (await OkAsync($"GetUser?id={id}"))["User"]!;
        Assert.True(updated["Disabled"]!.GetValue<bool>());
        Assert.Equal("Jemison-Smith", updated["LastName"]!.GetValue<string>());
        Assert.Equal("hr-1", updated["ExternalId"]!.GetValue<string>());

        await OkAsync($"DeleteUser?Id={id}");
        Assert.Null((await FailsAsync($"GetUser?id={id}", 20, "id"))["User"]);
        await FailsAsync("DeleteUser?Id=31", 10, "holds passes");
        await FailsAsync("GetUserByEmail?email=nobody@example.com", 20, "email: No user");
        await FailsAsync("CreateUser?FirstName=No", 10, "LastName is required");
        await FailsAsync("CreateUser?FirstName=A&LastName=B&Email=not-an-address", 10, "Email");
        await FailsAsync("CreateUser?FirstName=A&LastName=B&OrganizationId=77", 20, "OrganizationId");
        await FailsAsync("UpdateUser?Id=31&Disabled=maybe", 10, "Disabled must be true or false");
    }

    [Fact]
    public async Task AnOrganizationsIntegrationKeyIsShownOnceAndWorksAtOnceInBothApis()
    {
        var created = await OkAsync("CreateOrganization?Name=Initech&ExternalId=ini&Description=Software&ParentId=2&Currency=EUR");
        var id = created["OrganizationId"]!.GetValue<int>();
        var key = created["IntegrationKey"]!.GetValue<string>();

        var organization = (await OkAsync($"GetOrganization/{id}"))["Organization"]!;
        Assert.Equal($$"""{"Id":{{id}},"ExternalId":"ini","Name":"Initech","Description":"Software","ParentId":2,"Enabled":true,"Children":[],"Currency":"EUR","IntegrationKey":null}""", organization.ToJsonString());
        Assert.Equal(id, (await OkAsync("GetOrganizationByExternalId?id=ini"))["Organization"]!["Id"]!.GetValue<int>());
        Assert.Equal(id, (await OkAsync("GetOrganization?id=" + id, key))["Organization"]!["Id"]!.GetValue<int>());
        Assert.Null((await OkAsync("GetOrganization?id=" + id, key))["Organization"]!["ParentId"]);
        Assert.Equal(1, (await App.GraphQLAsync("{ accounts { pageInfo { totalRecords } } }", credential: key)).At("data.accounts.pageInfo.totalRecords").GetValue<int>());
        Assert.Equal([2, 3], (await OkAsync("GetOrganization/1"))["Organization"]!["Children"]!.AsArray().Select(c => c!.GetValue<int>()));

        await OkAsync($"UpdateOrganization/{id}?Name=Initech%20Corp");
        Assert.Equal("Initech Corp", (await OkAsync($"GetOrganization/{id}"))["Organization"]!["Name"]!.GetValue<string>());
        await FailsAsync($"DeleteOrganization/{id}", 10, "cannot delete itself", key);
        await FailsAsync("DeleteOrganization/2", 10, "still has");
        await OkAsync($"DeleteOrganization?id={id}");
        await FailsAsync($"GetOrganization/{id}", 20, "id");
        Assert.Equal(30, (await TmsAsync("GetOrganization/1", key))["Status"]!.GetValue<int>());
        await FailsAsync("CreateOrganization?Name=Bad&Currency=XYZ", 10, "Currency");
        await FailsAsync("CreateOrganization?Name=%20", 10, "Name");
        await FailsAsync("CreateOrganization", 10, "Name is required");
    }

    [Fact]
    public async Task CoursesAreSearchedAndRead()
    {
        var search = await OkAsync("SearchCourses?name=first%20AID");
        Assert.Equal(1, search["TotalCount"]!.GetValue<int>());
        Assert.Equal("""{"Id":2,"Code":"FA-101","Name":"First Aid Fundamentals","Description":null,"Enabled":true,"Created":1680514200}""", search["Results"]![0]!.ToJsonString());
        Assert.Equal(12, (await OkAsync("SearchCourses"))["TotalCount"]!.GetValue<int>());
        Assert.Equal("XL-301", (await OkAsync("SearchCourses?sort=Code%20DESC&pageSize=1"))["Results"]![0]!["Code"]!.GetValue<string>());
        Assert.Equal(6, (await OkAsync("SearchCourses?pageSize=2"))["TotalPages"]!.GetValue<int>());
        Assert.Equal("CPR and AED", (await OkAsync("SearchCourses?code=FA-102"))["Results"]![0]!["Name"]!.GetValue<string>());
        Assert.Empty((await OkAsync("SearchCourses?name=100%25"))["Results"]!.AsArray());
        Assert.Equal("ABC-123", (await OkAsync("GetCourse/1"))["Course"]!["Code"]!.GetValue<string>());
        Assert.Null((await FailsAsync("GetCourse/99", 20, "id"))["Course"]);
    }

    [Fact]
    public async Task ProfilesShowTheDefaultOptionsDurationAndPrice()
    {
        var silver = (await SucceedsAsync("mutation { trainingPass { createType(input: {code: \"SILVER\", name: \"Silver pass\", description: \"Less\"}) { trainingPassType { id legacyId } errors { label } } } }")).At("trainingPassType");
        await SucceedsAsync($"mutation {{ trainingPass {{ addContentToPassType(input: {{trainingPassTypeId: \"{silver.Text("id")}\", courseIds: [\"{Ids.Course(5)}\"], pathIds: [\"{Ids.Path(2)}\"]}}) {{ errors {{ label }} }} }} }}");

        var answer = await OkAsync("SearchClubs");
        Assert.Equal(2, answer["TotalCount"]!.GetValue<int>());
        var gold = answer["Results"]![0]!;
        Assert.Equal("""{"Id":1,"Name":"Gold pass","Description":"Every safety course, for a year.","OrganizationId":1,"Duration":365,"DurationUnit":"years","DurationValue":1,"Price":120.00,"Currency":"USD","Enabled":true,"Courses":[1,2,3,4],"LearningPaths":[1],"Created":1680514200,"LastModified":1680514200}""", gold.ToJsonString());
        var draft = answer["Results"]![1]!;
        Assert.False(draft["Enabled"]!.GetValue<bool>());
        Assert.Null(draft["Duration"]);
        Assert.Equal(0m, draft["Price"]!.GetValue<decimal>());
        Assert.Equal([5, 8, 9], draft["Courses"]!.AsArray().Select(c => c!.GetValue<int>()));

        Assert.Equal([1], ProfileIds(await OkAsync("SearchClubs?courseId=3")));
        Assert.Equal([silver.At("legacyId").GetValue<int>()], ProfileIds(await OkAsync("SearchClubs?courseId=9")));
        Assert.Equal([1], ProfileIds(await OkAsync("SearchClubs?enabled=true")));
        Assert.Equal([silver.At("legacyId").GetValue<int>()], ProfileIds(await OkAsync("SearchClubs?name=silver")));
        Assert.Equal([silver.At("legacyId").GetValue<int>(), 1], ProfileIds(await OkAsync("SearchClubs?sort=Name%20DESC")));
        Assert.Equal([1], ProfileIds(await OkAsync("SearchSubscriptionProfiles?pageSize=1")));
    }

    private static List<int> ProfileIds(System.Text.Json.Nodes.JsonNode answer) =>
        answer["Results"]!.AsArray().Select(r => r!["Id"]!.GetValue<int>()).ToList();

    public sealed class OnSqlite() : DirectoryMethodTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : DirectoryMethodTests(DatabaseProvider.Postgres);
}
