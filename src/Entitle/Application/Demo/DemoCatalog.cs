using Entitle.Application.Organizations;
using Entitle.Domain;
using Entitle.Domain.Catalog;
using Entitle.Domain.Contacts;
using Entitle.Domain.Organizations;
using Entitle.Domain.Passes;
using Entitle.Domain.PassTypes;
using Entitle.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Entitle.Application.Demo;

/// <summary>
/// A small catalog that holds what the customer's examples name, so a newcomer can run each of them as written:
/// course <c>ABC-123</c> and course 11, learning path 1 "First Aid", region <c>DR</c>, contact 35, and a published
/// "Gold pass" (type 1, option 1, pass 1) so that the next type, option and pass created get the seed's ids 2.
/// </summary>
public sealed class DemoCatalog(EntitleDbContext db, CredentialHasher hasher, TimeProvider clock, ILogger<DemoCatalog> logger)
{
    /// <summary>The demo's accounts with their new credentials, or nothing when the database was not empty.</summary>
    public async Task<IReadOnlyList<CreatedOrganization>> SeedAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.WriteAsync(
            async ct =>
            {
                var root = await db.Organizations.SingleOrDefaultAsync(o => o.ParentId == null, ct);
                var empty = root is not null
                    && await db.Organizations.CountAsync(ct) == 1
                    && !await db.Contacts.AnyAsync(ct)
                    && !await db.CourseTemplates.AnyAsync(ct)
                    && !await db.PassTypes.AnyAsync(ct);
                if (!empty)
                {
                    logger.LogInformation("The database is not empty; the demo catalog was not added.");
                    return (IReadOnlyList<CreatedOrganization>)[];
                }

                var accounts = await AddAccountsAsync(root!, now, ct);
                AddRegions();
                var courses = AddCourses(root!.Id, now);
                await db.SaveChangesAsync(ct);
                var firstAid = AddLearningPaths(root.Id, courses, now);
                var contacts = AddContacts(accounts.Select(a => a.Organization.Id).ToList(), now);
                await db.SaveChangesAsync(ct);
                await ContinueNumberingAfterFixedIdsAsync(ct);
                await AddGoldPassAsync(root.Id, courses[0], firstAid, contacts[0], now, ct);
                return (IReadOnlyList<CreatedOrganization>)accounts;
            },
            cancellationToken);
    }

    private async Task<List<CreatedOrganization>> AddAccountsAsync(Organization root, DateTime now, CancellationToken ct)
    {
        var created = new List<CreatedOrganization>();
        foreach (var name in new[] { "Acme Corporation", "Globex Training" })
        {
            var account = Organization.CreateChild(root, name, null, null, now);
            db.Organizations.Add(account);
            await db.SaveChangesAsync(ct);
            account.AssignPath();
            var secret = CredentialHasher.NewSecret();
            db.Credentials.Add(Credential.Issue(account.Id, hasher.Hash(secret), now));
            created.Add(new CreatedOrganization(account, secret));
        }

        return created;
    }

    private void AddRegions()
    {
        db.Regions.AddRange(
            Region.Create("DR", "Default Region"),
            Region.Create("EU", "Europe"),
            Region.Create("NA", "North America"),
            Region.Create("UK", "United Kingdom"));
    }

    private List<CourseTemplate> AddCourses(int ownerId, DateTime now)
    {
        (string Code, string Title)[] catalog =
        [
            ("ABC-123", "Workplace Safety Essentials"),
            ("FA-101", "First Aid Fundamentals"),
            ("FA-102", "CPR and AED"),
            ("FA-103", "Treating Burns and Wounds"),
            ("FS-101", "Fire Safety Awareness"),
            ("MH-101", "Manual Handling"),
            ("DP-101", "Data Protection Basics"),
            ("LD-201", "Leading Teams"),
            ("LD-202", "Coaching Conversations"),
            ("PM-101", "Project Management Foundations"),
            ("HS-110", "Health and Safety Refresher"),
            ("XL-301", "Spreadsheets for Analysts"),
        ];
        var courses = catalog.Select(c => CourseTemplate.Create(ownerId, c.Code, c.Title, null, now)).ToList();
        foreach (var course in courses)
        {
            course.Update(null, null, null, LifecycleState.Published, now);
            db.CourseTemplates.Add(course);
        }

        return courses;
    }

    private LearningPath AddLearningPaths(int ownerId, List<CourseTemplate> courses, DateTime now)
    {
        LearningPath Path(string code, string name, params int[] courseIndexes)
        {
            var path = LearningPath.Create(ownerId, code, name, null, now);
            path.SetCourses(courseIndexes.Select(i => courses[i].Id).ToList(), now);
            path.Update(null, null, null, LifecycleState.Published, now);
            db.LearningPaths.Add(path);
            return path;
        }

        var firstAid = Path("FIRST-AID", "First Aid", 1, 2, 3);
        Path("LEADERSHIP", "Leadership", 7, 8);
        Path("FIRE-WARDEN", "Fire Warden", 4, 5);
        return firstAid;
    }

    /// <summary>Contacts 31 to 40, five per account, so that the seed's <c>Person:35</c> exists.</summary>
    private List<Contact> AddContacts(List<int> accountIds, DateTime now)
    {
        (string First, string Last)[] people =
        [
            ("Ada", "Lovelace"), ("Grace", "Hopper"), ("Alan", "Turing"), ("Katherine", "Johnson"), ("Edsger", "Dijkstra"),
            ("Barbara", "Liskov"), ("Donald", "Knuth"), ("Margaret", "Hamilton"), ("Tim", "Berners-Lee"), ("Radia", "Perlman"),
        ];
        var contacts = new List<Contact>();
        for (var i = 0; i < people.Length; i++)
        {
            var (first, last) = people[i];
            var email = $"{first}.{last}@example.com".ToLowerInvariant();
            contacts.Add(Contact.CreateWithId(31 + i, accountIds[i / 5], first, last, email, now));
        }

        db.Contacts.AddRange(contacts);
        return contacts;
    }

    private async Task AddGoldPassAsync(int ownerId, CourseTemplate abc123, LearningPath firstAid, Contact holder, DateTime now, CancellationToken ct)
    {
        var gold = PassType.Create(ownerId, "GOLD", "Gold pass", "Every safety course, for a year.", now);
        gold.AddContent([abc123.Id], [firstAid.Id], now);
        var yearly = gold.AddOption("Yearly", new ValidityPeriod(PeriodUnit.Years, 1), now);
        yearly.AddPrice("DR", "USD", 12_000, now);
        db.PassTypes.Add(gold);
        yearly.ChangeLifecycle(LifecycleState.Published, now);
        gold.ChangeLifecycle(LifecycleState.Published, now);
        await db.SaveChangesAsync(ct);
        db.Passes.Add(Pass.Issue(gold, yearly, holder, now, null, now));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>PostgreSQL's identity sequences do not see explicitly numbered rows; move them past the demo's.</summary>
    private async Task ContinueNumberingAfterFixedIdsAsync(CancellationToken ct)
    {
        if (db.Provider == DatabaseProvider.Postgres)
        {
            await db.Database.ExecuteSqlRawAsync("SELECT setval(pg_get_serial_sequence('contacts', 'id'), (SELECT MAX(id) FROM contacts))", ct);
        }
    }
}
