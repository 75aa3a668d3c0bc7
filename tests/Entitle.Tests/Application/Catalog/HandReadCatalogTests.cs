using Entitle.Application.Access;
using Entitle.Application.Catalog;
using Entitle.Application.PassTypes;
using Entitle.Domain;
using Entitle.Domain.Catalog;
using Entitle.Domain.Organizations;
using Entitle.Domain.PassTypes;
using Entitle.Persistence;
using Entitle.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Entitle.Tests.Application.Catalog;

/// <summary>
/// A catalog page reads its courses, learning paths and types' content by hand (HandWrittenSql), not through EF
/// Core's materializer: each must come back exactly as EF Core reads the same rows (every property, instants in UTC
/// to the tick stored, a missing description, each lifecycle state), and a type's content in the order it was added.
/// </summary>
public abstract class HandReadCatalogTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly DateTime Created = new(2026, 3, 4, 5, 6, 7, 891, DateTimeKind.Utc);

    private static readonly DateTime Updated = new(2026, 4, 5, 6, 7, 8, 912, DateTimeKind.Utc);

    private TestDatabase _database = null!;

    private int[] _courseIds = [];

    private int[] _pathIds = [];

    private int[] _typeIds = [];

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        await using var db = _database.CreateContext();
        var organization = Organization.CreateRoot("Hand reads", Created);
        db.Organizations.Add(organization);
        await db.SaveChangesAsync();
        var courses = new[]
        {
            CourseTemplate.Create(organization.Id, "C-1", "Safety basics", "Line one\nline two", Created),
            CourseTemplate.Create(organization.Id, "C-2", "Forklifts", null, Created),
            CourseTemplate.Create(organization.Id, "C-3", "Ladders", "Retired", Created),
        };
        courses[0].Update(null, null, null, LifecycleState.Published, Updated);
        courses[2].Update(null, null, null, LifecycleState.Published, Updated);
        courses[2].Update(null, null, null, LifecycleState.Archived, Updated.AddDays(1));
        var paths = new[]
        {
            LearningPath.Create(organization.Id, "P-1", "Warehouse", "All of it", Created),
            LearningPath.Create(organization.Id, "P-2", "Office", null, Created),
        };
        db.CourseTemplates.AddRange(courses);
        db.LearningPaths.AddRange(paths);
        await db.SaveChangesAsync();
        var gold = PassType.Create(organization.Id, "GOLD", "Gold", null, Created);
        var empty = PassType.Create(organization.Id, "NONE", "Nothing yet", null, Created);
        db.PassTypes.AddRange(gold, empty);
        await db.SaveChangesAsync();
        gold.AddContent([courses[2].Id, courses[0].Id], [paths[1].Id], Updated);
        gold.AddContent([courses[1].Id], [paths[0].Id], Updated);
        await db.SaveChangesAsync();
        _courseIds = [.. courses.Select(c => c.Id)];
        _pathIds = [.. paths.Select(p => p.Id)];
        _typeIds = [gold.Id, empty.Id];
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task CoursesAndPathsReadByHandAreWhatEfCoreReads()
    {
        await using var db = _database.CreateContext();
        var queries = new CatalogQueries(db);
        var missing = _courseIds.Max() + _pathIds.Max() + 1000;

        var courses = await queries.GetCourseTemplatesByIdsAsync([.. _courseIds, missing], CancellationToken.None);
        var paths = await queries.GetLearningPathsByIdsAsync([.. _pathIds, missing], CancellationToken.None);

        var storedCourses = await db.CourseTemplates.AsNoTracking().Where(c => _courseIds.Contains(c.Id)).ToListAsync();
        Assert.Equal(_courseIds.Order(), courses.Keys.Order());
        foreach (var stored in storedCourses)
        {
            var read = courses[stored.Id];
            Assert.Equal(
                (stored.Id, stored.OrganizationId, stored.Code, stored.Title, stored.Description, stored.LifecycleState, stored.CreatedAt, stored.UpdatedAt),
                (read.Id, read.OrganizationId, read.Code, read.Title, read.Description, read.LifecycleState, read.CreatedAt, read.UpdatedAt));
            Assert.Equal(DateTimeKind.Utc, read.CreatedAt.Kind);
            Assert.Equal(DateTimeKind.Utc, read.UpdatedAt.Kind);
        }

        Assert.Equal([LifecycleState.Published, LifecycleState.Draft, LifecycleState.Archived], _courseIds.Select(id => courses[id].LifecycleState));
        Assert.Equal(Created, courses[_courseIds[0]].CreatedAt);
        Assert.Equal(Updated, courses[_courseIds[0]].UpdatedAt);
        Assert.Null(courses[_courseIds[1]].Description);

        var storedPaths = await db.LearningPaths.AsNoTracking().Where(p => _pathIds.Contains(p.Id)).ToListAsync();
        Assert.Equal(_pathIds.Order(), paths.Keys.Order());
        foreach (var stored in storedPaths)
        {
            var read = paths[stored.Id];
            Assert.Equal(
                (stored.Id, stored.OrganizationId, stored.Code, stored.Name, stored.Description, stored.LifecycleState, stored.CreatedAt, stored.UpdatedAt),
                (read.Id, read.OrganizationId, read.Code, read.Name, read.Description, read.LifecycleState, read.CreatedAt, read.UpdatedAt));
        }
    }

    [Fact]
    public async Task ATypesContentIsReadInTheOrderItWasAddedAndATypeWithoutAnyHasAnEmptyList()
    {
        await using var db = _database.CreateContext();

        var content = await new PassTypeQueries(db).GetContentAsync(_typeIds, CancellationToken.None);

        var stored = await db.PassTypeContentItems.AsNoTracking().Where(i => i.PassTypeId == _typeIds[0]).OrderBy(i => i.Id).ToListAsync();
        Assert.Equal(stored.Select(i => new ContentRef(i.CourseTemplateId, i.LearningPathId)), content[_typeIds[0]]);
        Assert.Equal(
            new HashSet<ContentRef>([ContentRef.Course(_courseIds[2]), ContentRef.Course(_courseIds[0]), ContentRef.Path(_pathIds[1]), ContentRef.Course(_courseIds[1]), ContentRef.Path(_pathIds[0])]),
            content[_typeIds[0]].ToHashSet());
        Assert.Empty(content[_typeIds[1]]);
    }

    public sealed class OnSqlite() : HandReadCatalogTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : HandReadCatalogTests(DatabaseProvider.Postgres);
}
