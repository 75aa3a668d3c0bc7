using System.Text.Json.Nodes;
using Entitle.Persistence;
using Entitle.Tests.Support;

namespace Entitle.Tests.Api.Access;

/// <summary>
/// The table of access cases, over GraphQL contentAccess and TMS CheckCourseAccess. The demo's Gold pass (type 1)
/// holds course 1 (ABC-123) directly and courses 2-4 through learning path 1 (First Aid); contact 31 holds pass 1,
/// valid for a year from the test clock's start.
/// </summary>
public abstract class AccessDecisionTests(DatabaseProvider provider) : TmsTests(provider)
{
    [Fact]
    public async Task ACourseHeldDirectlyOrThroughALearningPathIsGranted()
    {
        await AssertAccessAsync(31, Ids.Course(1), granted: true, "granted", [Ids.Pass(1)]);
        await AssertAccessAsync(31, Ids.Course(3), granted: true, "granted", [Ids.Pass(1)]);
        await AssertAccessAsync(31, Ids.Path(1), granted: true, "granted", [Ids.Pass(1)]);
        await AssertAccessAsync(31, Ids.Path(2), granted: false, "not_in_content", []);
        await AssertAccessAsync(31, Ids.Course(5), granted: false, "not_in_content", []);
        await AssertAccessAsync(36, Ids.Course(1), granted: false, "no_pass", []);
    }

    [Fact]
    public async Task RemovingContentFromTheTypeTakesEffectAtOnce()
    {
        await SucceedsAsync($"mutation {{ trainingPass {{ removeContentFromPassType(input: {{trainingPassTypeId: \"{Ids.Type(1)}\", pathIds: [\"{Ids.Path(1)}\"]}}) {{ errors {{ label }} }} }} }}");

        await AssertAccessAsync(31, Ids.Course(3), granted: false, "not_in_content", []);
        await AssertAccessAsync(31, Ids.Course(1), granted: true, "granted", [Ids.Pass(1)]);
    }

    [Fact]
    public async Task APassThatHasNotStartedOrHasEndedSaysSo()
    {
        var future = await IssueAsync(32, "2023-05-01T00:00:00Z", "2023-06-01T00:00:00Z");
        var past = await IssueAsync(33, "2023-01-01T00:00:00Z", "2023-04-01T00:00:00Z");

        await AssertAccessAsync(32, Ids.Course(1), granted: false, "pass_not_started", []);
        await AssertAccessAsync(32, Ids.Course(1), granted: true, "granted", [future], at: "2023-05-01T00:00:00Z");
        await AssertAccessAsync(32, Ids.Course(1), granted: true, "granted", [future], at: "2023-05-31T23:59:59.9999999Z");
        await AssertAccessAsync(32, Ids.Course(1), granted: false, "pass_expired", [], at: "2023-06-01T00:00:00Z");
        await AssertAccessAsync(33, Ids.Course(2), granted: false, "pass_expired", []);
        await AssertAccessAsync(33, Ids.Course(2), granted: true, "granted", [past], at: "2023-03-31T23:59:59Z");
    }

    [Fact]
    public async Task AccessIsTheUnionOfValidPassesAndNamesEveryGrantingPass()
    {
        var sooner = await IssueAsync(34, "2023-04-01T00:00:00Z", "2023-05-01T00:00:00Z");
        var later = await IssueAsync(34, "2023-03-01T00:00:00Z", "2023-09-01T00:00:00Z");

        await AssertAccessAsync(34, Ids.Course(4), granted: true, "granted", [sooner, later]);

        await SucceedsAsync($"mutation {{ trainingPass {{ revokePass(input: {{trainingPassId: \"{later}\"}}) {{ errors {{ label }} }} }} }}");
        await AssertAccessAsync(34, Ids.Course(4), granted: true, "granted", [sooner]);

        await SucceedsAsync($"mutation {{ trainingPass {{ revokePass(input: {{trainingPassId: \"{sooner}\"}}) {{ errors {{ label }} }} }} }}");
        await AssertAccessAsync(34, Ids.Course(4), granted: false, "pass_cancelled", []);
    }

    [Fact]
    public async Task ADraftCourseIsNotAvailableEvenWhenAPassHoldsIt()
    {
        var draft = (await SucceedsAsync("mutation { courseTemplate { create(input: {code: \"NEW\", title: \"Not ready\"}) { courseTemplate { id } errors { label } } } }")).Text("courseTemplate.id");
        await SucceedsAsync($"mutation {{ trainingPass {{ addContentToPassType(input: {{trainingPassTypeId: \"{Ids.Type(1)}\", courseIds: [\"{draft}\"]}}) {{ errors {{ label }} }} }} }}");

        await AssertAccessAsync(31, draft, granted: false, "content_not_published", []);
    }

    [Fact]
    public async Task AnotherOrganizationsContactIsNotFoundLikeAnUnknownOne()
    {
        var (_, key) = await App.CreateAccountAsync("Globex team", Ids.Account(3));

        var foreign = await App.GraphQLAsync($"{{ contentAccess(contactId: \"{Ids.Person(31)}\", contentId: \"{Ids.Course(1)}\") {{ granted reason }} }}", credential: key);
        var unknown = await App.GraphQLAsync($"{{ contentAccess(contactId: \"{Ids.Person(999)}\", contentId: \"{Ids.Course(1)}\") {{ granted reason }} }}", credential: key);
        var wrongType = await App.GraphQLAsync($"{{ contentAccess(contactId: \"{Ids.Course(1)}\", contentId: \"{Ids.Course(1)}\") {{ granted reason }} }}", credential: key);

        Assert.True(foreign.IsNull("data"));
        Assert.Equal(TestApp.Json(unknown), TestApp.Json(foreign));
        Assert.Equal(TestApp.Json(unknown["errors"]![0]!["message"]), TestApp.Json(wrongType["errors"]![0]!["message"]));
        Assert.Equal("contactId: no contact with this id exists.", foreign.Text("errors.0.message"));
        var overTms = await FailsAsync($"CheckCourseAccess?userId=31&courseId=1", 20, "userId", key);
        Assert.Equal(ErrorOf(await FailsAsync($"CheckCourseAccess?userId=999&courseId=1", 20, "userId", key)), ErrorOf(overTms));
        await FailsAsync("CheckCourseAccess?userId=31&courseId=999", 20, "courseId");
    }

    [Fact]
    public async Task TheCheckIsOneStatementWhateverTheNumberOfPasses()
    {
        for (var i = 0; i < 40; i++)
        {
            await IssueAsync(35, "2023-01-01T00:00:00Z", $"2023-0{1 + i % 3}-2{i % 8}T00:00:00Z");
        }

        App.Statements.Reset();
        await OkAsync("CheckCourseAccess?userId=31&courseId=3");
        var one = App.Statements.Count;
        App.Statements.Reset();
        await OkAsync("CheckCourseAccess?userId=35&courseId=3");
        var many = App.Statements.Count;
        App.Statements.Reset();
        await App.GraphQLAsync($"{{ contentAccess(contactId: \"{Ids.Person(35)}\", contentId: \"{Ids.Course(3)}\") {{ granted reason }} }}");
        var graphQL = App.Statements.Count;
        App.Statements.Reset();
        await App.GraphQLAsync($"{{ contentAccess(contactId: \"{Ids.Person(35)}\", contentId: \"{Ids.Course(3)}\") {{ granted }} regions {{ pageInfo {{ totalRecords }} }} }}");

        // The check's statement checks the credential too, over either API; a document that asks more has its
        // caller looked up first.
        Assert.Equal(1, one);
        Assert.Equal(1, many);
        Assert.Equal(1, graphQL);
        Assert.Contains("credentials", App.Statements.Statements[0], StringComparison.Ordinal);
        Assert.True(App.Statements.Count >= 3, string.Join("\n", App.Statements.Statements));
    }

    /// <summary>
    /// A document asking only contentAccess runs before its credential is looked up, and the check's statement checks
    /// it (ContentAccessDocument). Whatever the document says and wherever it stops, an unknown or revoked credential
    /// is answered 401, as before any other document.
    /// </summary>
    [Fact]
    public async Task ContentAccessAloneChecksTheCredentialInItsOwnStatementAndAnUnknownOneIsStill401()
    {
        var (_, child) = await App.CreateAccountAsync("Launch Platform");
        var rotated = (await App.GraphQLAsync("mutation { account { rotateCredential(input: {}) { credential } } }", credential: child)).Text("data.account.rotateCredential.credential");
        var course = $"{{ contentAccess(contactId: \"{Ids.Person(31)}\", contentId: \"{Ids.Course(1)}\") {{ granted grantingPasses {{ id contact {{ id }} }} }} }}";
        var documents = new[]
        {
            course,
            $"{{ contentAccess(contactId: \"{Ids.Person(31)}\", contentId: \"{Ids.Path(1)}\") {{ granted }} }}",
            $"{{ contentAccess(contactId: \"{Ids.Person(31)}\", contentId: \"not-an-id\") {{ granted }} }}",
            "query($c: ID!) { contentAccess(contactId: $c, contentId: \"x\") { granted } }",
            "{ contentAccess(contactId: 5) { granted } }",
        };
        foreach (var key in new[] { "not-a-key", child })
        {
            foreach (var document in documents)
            {
                using var response = await App.PostGraphQLAsync(document, credential: key);
                Assert.True(response.StatusCode == System.Net.HttpStatusCode.Unauthorized, $"{document}: {await response.Content.ReadAsStringAsync()}");
                Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
                Assert.DoesNotContain("data", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
        }

        // The live credential: a learner outside its reach is not found, a malformed id is named.
        var outside = await App.GraphQLAsync(course, credential: rotated);
        Assert.Equal("NOT_FOUND", outside.Text("errors.0.extensions.code"));
        Assert.Equal("NOT_FOUND", (await App.GraphQLAsync(documents[2], credential: rotated)).Text("errors.0.extensions.code"));

        // The root credential: the check, then the granting pass's contact, which needs the caller the check found.
        App.Statements.Reset();
        var granted = await App.GraphQLAsync(course);
        Assert.Contains("credentials", App.Statements.Statements[0], StringComparison.Ordinal);
        Assert.True(granted.At("data.contentAccess.granted").GetValue<bool>());
        Assert.Equal(Ids.Person(31), granted.Text("data.contentAccess.grantingPasses.0.contact.id"));
        var path = await App.GraphQLAsync(documents[1]);
        Assert.True(path.At("data.contentAccess.granted").GetValue<bool>());
    }

    /// <summary>
    /// CheckCourseAccess checks the presented credential inside its own statement (TmsMethod.ChecksCredentialItself):
    /// an unknown or revoked key must still be status 30 before anything else is said, and a learner outside the key's
    /// reach must still be "not found".
    /// </summary>
    [Fact]
    public async Task CheckCourseAccessChecksTheKeyInItsOwnStatementAndStillRefusesAnUnknownOrRevokedKeyFirst()
    {
        var (_, child) = await App.CreateAccountAsync("Launches Co");
        await FailsAsync("CheckCourseAccess?userId=31&courseId=1", 20, "userId", child);
        var rotated = (await App.GraphQLAsync("mutation { account { rotateCredential(input: {}) { credential } } }", credential: child)).Text("data.account.rotateCredential.credential");

        foreach (var key in new[] { "not-a-key", child })
        {
            var refused = await TmsAsync("CheckCourseAccess?userId=31&courseId=1", key);
            Assert.Equal(30, refused["Status"]!.GetValue<int>());
            Assert.Contains("Invalid integration key", refused["Error"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.Equal(["Status", "Error"], refused.AsObject().Select(p => p.Key));

            // A parameter at fault is not mentioned to an unknown key either.
            var badParameters = await TmsAsync("CheckCourseAccess?userId=x&courseId=1", key);
            Assert.Equal(30, badParameters["Status"]!.GetValue<int>());
        }

        Assert.Equal(10, (await TmsAsync("CheckCourseAccess?userId=x&courseId=1", rotated))["Status"]!.GetValue<int>());
        await FailsAsync("CheckCourseAccess?userId=31&courseId=1", 20, "userId", rotated);
        App.Statements.Reset();
        var root = await OkAsync("CheckCourseAccess?userId=31&courseId=1");
        Assert.True(root["HasAccess"]!.GetValue<bool>());
        Assert.Equal(1, App.Statements.Count);
    }

    [Fact]
    public async Task GrantingPassesComeWholeFromTheChecksOwnStatementAndMatchThePassesAsStored()
    {
        var sooner = await IssueAsync(34, "2023-04-01T00:00:00Z", "2023-05-01T00:00:00Z");
        var later = await IssueAsync(34, "2023-03-01T00:00:00Z", "2023-09-01T00:00:00Z");
        await SucceedsAsync($"mutation {{ trainingPass {{ revokePass(input: {{trainingPassId: \"{later}\"}}) {{ errors {{ label }} }} }} }}");
        var kept = await IssueAsync(34, "2023-02-01T00:00:00Z", "2023-12-01T00:00:00Z");
        const string Fields = "id legacyId validFrom validUntil lifecycleState isActive createdAt updatedAt contact { id } trainingPassType { id } option { id }";

        App.Statements.Reset();
        var access = await App.GraphQLAsync($"{{ contentAccess(contactId: \"{Ids.Person(34)}\", contentId: \"{Ids.Course(4)}\") {{ granted grantingPasses {{ {Fields} }} }} }}");

        // One statement checks the credential, decides and reads the passes; the contact, type and option of the
        // passes are one batch each.
        Assert.DoesNotContain(App.Statements.Statements.Skip(1), sql => sql.Replace("\"", "", StringComparison.Ordinal).Contains("FROM passes", StringComparison.Ordinal));
        var granting = access.At("data.contentAccess.grantingPasses").AsArray();
        Assert.Equal([sooner, kept], granting.Select(p => p!["id"]!.GetValue<string>()));
        foreach (var pass in granting)
        {
            var stored = await App.GraphQLAsync($"{{ node(id: \"{pass!["id"]!.GetValue<string>()}\") {{ ... on TrainingPass {{ {Fields} }} }} }}");
            Assert.Equal(TestApp.Json(stored.At("data.node")), TestApp.Json(pass));
        }
    }

    /// <summary>
    /// The check's statement is built once and shared by every request (and contexts are pooled): many checks at once
    /// must each get their own answer, the one they get when asked alone.
    /// </summary>
    [Fact]
    public async Task ChecksAskedAtOnceEachGetTheAnswerTheyGetAlone()
    {
        var questions = Enumerable.Range(0, 64).Select(i => $"CheckCourseAccess?userId={31 + i % 8}&courseId={1 + i % 5}").ToList();
        var alone = new List<string>();
        foreach (var question in questions)
        {
            alone.Add((await OkAsync(question)).ToJsonString());
        }

        var together = await Task.WhenAll(questions.Select(async question => (await OkAsync(question)).ToJsonString()));

        Assert.Equal(alone, together);
        Assert.Contains(alone, answer => answer.Contains("\"HasAccess\":true", StringComparison.Ordinal));
        Assert.Contains(alone, answer => answer.Contains("\"HasAccess\":false", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnOrganizationsPathIsReadOnceInTheLifeOfTheProcess()
    {
        await IssueAsync(36, "2023-01-01T00:00:00Z", "2023-02-01T00:00:00Z");

        App.Statements.Reset();
        await IssueAsync(36, "2023-03-01T00:00:00Z", "2023-04-01T00:00:00Z");

        // Paths never change, so the type owner's and the learner's organization are not asked for again.
        // PostgreSQL's statements name tables unquoted, SQLite's quoted.
        Assert.DoesNotContain(App.Statements.Statements, sql => sql.Replace("\"", "", StringComparison.Ordinal).Contains("FROM organizations", StringComparison.Ordinal));
        Assert.Contains(App.Statements.Statements, sql => sql.Replace("\"", "", StringComparison.Ordinal).Contains("INSERT INTO passes", StringComparison.Ordinal));
    }

    private async Task<string> IssueAsync(int contact, string from, string until) =>
        (await SucceedsAsync($"mutation {{ trainingPass {{ issuePass(input: {{trainingPassTypeId: \"{Ids.Type(1)}\", trainingPassTypeOptionId: \"{Ids.Option(1)}\", contactId: \"{Ids.Person(contact)}\", validFrom: \"{from}\", validUntil: \"{until}\"}}) {{ trainingPass {{ id }} errors {{ label message }} }} }} }}")).Text("trainingPass.id");

    /// <summary>Asks both APIs and requires the same answer from each.</summary>
    private async Task AssertAccessAsync(int contact, string content, bool granted, string reason, string[] passes, string? at = null)
    {
        var atArgument = at is null ? "" : $", at: \"{at}\"";
        var graphQL = await App.GraphQLAsync($"{{ contentAccess(contactId: \"{Ids.Person(contact)}\", contentId: \"{content}\"{atArgument}) {{ granted reason grantingPasses {{ id }} }} }}");
        Assert.True(graphQL["errors"] is null, TestApp.Json(graphQL));
        Assert.Equal(granted, graphQL.At("data.contentAccess.granted").GetValue<bool>());
        Assert.Equal(reason, graphQL.Text("data.contentAccess.reason"));
        Assert.Equal(passes, graphQL.At("data.contentAccess.grantingPasses").AsArray().Select(p => p!["id"]!.GetValue<string>()));

        var decoded = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(content)).Split(':');
        if (decoded[0] == "CourseTemplate")
        {
            var epoch = at is null ? "" : $"&at={DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeSeconds()}";
            var tms = await OkAsync($"CheckCourseAccess?userId={contact}&courseId={decoded[1]}{epoch}");
            Assert.Equal(["Status", "Error", "HasAccess", "Reason", "ClubMembershipIds"], tms.AsObject().Select(p => p.Key));
            Assert.Equal(granted, tms["HasAccess"]!.GetValue<bool>());
            Assert.Equal(reason, tms["Reason"]!.GetValue<string>());
            Assert.Equal(
                passes.Select(p => int.Parse(System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(p)).Split(':')[1], System.Globalization.CultureInfo.InvariantCulture)),
                tms["ClubMembershipIds"]!.AsArray().Select(i => i!.GetValue<int>()));
        }
    }

    private static string ErrorOf(JsonNode answer) => answer["Error"]!.GetValue<string>();

    public sealed class OnSqlite() : AccessDecisionTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : AccessDecisionTests(DatabaseProvider.Postgres);
}
