using System.Reflection;
using Entitle.Application;
using Entitle.Domain;
using Entitle.Domain.Contacts;
using Entitle.Domain.Organizations;
using Entitle.Domain.PassTypes;
using Entitle.Persistence;
using Entitle.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Entitle.Tests.Application.Passes;

/// <summary>
/// Issuing a pass reads the type (with its options) and the learner (with their organization) inside its write
/// transaction, in one statement: on PostgreSQL to save a round trip to the server, on SQLite (SQL written by hand)
/// because the read holds the file's one write turn. Either way the answers are the ones each LINQ read alone gives.
/// </summary>
public abstract class PassIssueReadsTests(DatabaseProvider provider) : GraphQLTests(provider)
{
    private static string Issue(string type, string contact) =>
        $"mutation {{ trainingPass {{ issuePass(input: {{trainingPassTypeId: \"{type}\", trainingPassTypeOptionId: \"{Ids.Option(1)}\", contactId: \"{contact}\"}}) {{ trainingPass {{ id }} errors {{ label message value }} }} }} }}";

    [Fact]
    public async Task TheTypeAndTheLearnerAreReadInOneStatement()
    {
        App.Statements.Reset();
        var issued = await SucceedsAsync(Issue(Ids.Type(1), Ids.Person(33)));

        var typeReads = App.Statements.Reading("pass_types");
        var contactReads = App.Statements.Reading("contacts");
        Assert.Single(typeReads);
        Assert.Single(contactReads);
        Assert.Equal(typeReads[0], contactReads[0]);
        var pass = await App.GraphQLAsync($"{{ node(id: \"{issued.Text("trainingPass.id")}\") {{ ... on TrainingPass {{ contact {{ id }} trainingPassType {{ id }} option {{ id }} }} }} }}", credential: TestApp.RootKey);
        Assert.Equal(Ids.Person(33), pass.Text("data.node.contact.id"));
        Assert.Equal(Ids.Type(1), pass.Text("data.node.trainingPassType.id"));
        Assert.Equal(Ids.Option(1), pass.Text("data.node.option.id"));
    }

    [Fact]
    public async Task AnUnknownTypeIsReportedBeforeAnUnknownLearnerAndAnUnknownLearnerAfterAKnownType()
    {
        await RefusedAsync(Issue(Ids.Type(999), Ids.Person(999)), "trainingPassTypeId");
        await RefusedAsync(Issue(Ids.Type(1), Ids.Person(999)), "contactId");
    }

    /// <summary>
    /// Every stored value of the type, its options and the contact and its organization, null or not, comes back as
    /// the LINQ reads give it (which the rest of the service reads with), whatever the provider; so does a missing
    /// contact (null) or a missing type (no answer at all).
    /// </summary>
    [Fact]
    public async Task TheReadTogetherGivesWhatEachLinqReadGivesAlone()
    {
        var (typeIds, contactIds) = await AddVariedRowsAsync();
        contactIds.Add(999_999);

        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EntitleDbContext>();
        var compared = 0;
        foreach (var typeId in typeIds.Append(999_999))
        {
            foreach (var contactId in contactIds)
            {
                var together = await db.UntrackedPassTypeAndContactAsync(typeId, contactId, CancellationToken.None);
                var type = await db.UntrackedPassTypeWithOptionsAsync(typeId, CancellationToken.None);
                var contact = await db.UntrackedContactWithOrganizationAsync(contactId, CancellationToken.None);
                if (type is null)
                {
                    Assert.Null(together);
                    continue;
                }

                Assert.NotNull(together);
                AssertSame(type, together.Type, $"type {typeId}");
                Assert.Equal(type.Options.Count, together.Type.Options.Count);
                foreach (var (expected, actual) in type.Options.OrderBy(o => o.Id).Zip(together.Type.Options))
                {
                    AssertSame(expected, actual, $"option {expected.Id}");
                    Assert.Same(together.Type, actual.PassType);
                }

                Assert.Equal(contact is null, together.Contact is null);
                if (contact is not null)
                {
                    AssertSame(contact, together.Contact!, $"contact {contactId}");
                    AssertSame(contact.Organization!, together.Contact!.Organization!, $"organization of contact {contactId}");
                }

                compared++;
            }
        }

        Assert.Equal(typeIds.Count * contactIds.Count, compared);
    }

    /// <summary>
    /// A type with a description and options in every state and period unit, one with none; contacts with and without
    /// their optional values, in a root and in a child organization with its own optional values set.
    /// </summary>
    private async Task<(List<int> Types, List<int> Contacts)> AddVariedRowsAsync()
    {
        var at = new DateTime(2024, 2, 29, 13, 45, 7, DateTimeKind.Utc).AddTicks(1234567);
        await using var db = App.Database.CreateContext();
        var root = await db.Organizations.SingleAsync(o => o.ParentId == null);
        var child = Organization.CreateChild(root, "Child", "child-external", "A child\nwith a description", at, "EUR");
        db.Organizations.Add(child);
        await db.SaveChangesAsync();
        child.AssignPath();
        await db.SaveChangesAsync();

        var described = PassType.Create(root.Id, "VARIED", "Varied", "All the values", at);
        described.AddOption("Days", new ValidityPeriod(PeriodUnit.Days, 10), at).ChangeLifecycle(LifecycleState.Published, at);
        described.AddOption("Weeks", new ValidityPeriod(PeriodUnit.Weeks, 2), at);
        described.AddOption("Years", new ValidityPeriod(PeriodUnit.Years, 1), at.AddDays(1)).ChangeLifecycle(LifecycleState.Published, at);
        described.ChangeLifecycle(LifecycleState.Published, at);
        var archivedOption = described.AddOption("Months", new ValidityPeriod(PeriodUnit.Months, 3), at);
        archivedOption.ChangeLifecycle(LifecycleState.Published, at);
        archivedOption.ChangeLifecycle(LifecycleState.Archived, at.AddSeconds(1));
        var bare = PassType.Create(child.Id, "BARE", "Bare", null, at);
        db.PassTypes.AddRange(described, bare);

        var plain = Contact.Create(root.Id, "Plain", "Learner", null, at);
        var full = Contact.Create(child.Id, "Full", "Learner", "full@example.com", at);
        full.SetAccountDetails("full.learner", "ext-full", disabled: true, at.AddMinutes(1));
        db.Contacts.AddRange(plain, full);
        await db.SaveChangesAsync();

        var types = await db.PassTypes.Select(t => t.Id).ToListAsync();
        var contacts = await db.Contacts.Where(c => c.Id != plain.Id && c.Id != full.Id).OrderBy(c => c.Id).Select(c => c.Id).Take(3).ToListAsync();
        return (types, [plain.Id, full.Id, .. contacts]);
    }

    /// <summary>Every public property of a stored value's type (numbers, text, instants with their kind, states) is the same.</summary>
    private static void AssertSame<T>(T expected, T actual, string what)
    {
        foreach (var property in typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(DateTime) || type == typeof(ValidityPeriod))
            {
                var (e, a) = (property.GetValue(expected), property.GetValue(actual));
                Assert.True(Equals(e, a), $"{what}: {property.Name} is {a ?? "null"}, the LINQ read gave {e ?? "null"}");
                if (e is DateTime instant)
                {
                    Assert.Equal(instant.Kind, ((DateTime)a!).Kind);
                }
            }
        }
    }

    public sealed class OnSqlite() : PassIssueReadsTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : PassIssueReadsTests(DatabaseProvider.Postgres);
}
