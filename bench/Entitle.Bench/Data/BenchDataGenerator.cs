using System.Diagnostics;
using System.Security.Cryptography;
using Entitle.Application.Organizations;
using Microsoft.Extensions.Configuration;

namespace Entitle.Bench.Data;

/// <summary>
/// Fills a migrated, empty database with a data set of a <see cref="DataSize"/>: a root organization holding
/// <see cref="DataSize.Organizations"/> child organizations, and contacts, catalog, pass types with options and
/// prices, passes and training keys spread over them. Pseudo-random with a fixed seed, so two runs of one size
/// hold the same rows apart from the credential and the dates.
/// </summary>
public sealed class BenchDataGenerator(DataSize size, TimeProvider time)
{
    private const int Seed = 20_261_127;
    private const int RootId = 1;
    private const int ProbeCount = 10_000;

    private static readonly TableShape Organizations = TableShape.Of("organizations",
        ("id", ColumnKind.WholeNumber), ("name", ColumnKind.Text), ("parent_id", ColumnKind.WholeNumber), ("path", ColumnKind.Text),
        ("created_at", ColumnKind.Instant), ("updated_at", ColumnKind.Instant), ("currency_code", ColumnKind.Text));

    private static readonly TableShape Credentials = TableShape.Of("credentials",
        ("id", ColumnKind.WholeNumber), ("organization_id", ColumnKind.WholeNumber), ("secret_hash", ColumnKind.Text), ("created_at", ColumnKind.Instant));

    private static readonly TableShape Contacts = TableShape.Of("contacts",
        ("id", ColumnKind.WholeNumber), ("organization_id", ColumnKind.WholeNumber), ("first_name", ColumnKind.Text), ("last_name", ColumnKind.Text),
        ("email", ColumnKind.Text), ("disabled", ColumnKind.Boolean), ("created_at", ColumnKind.Instant), ("updated_at", ColumnKind.Instant),
        ("version", ColumnKind.WholeNumber));

    private static readonly TableShape Courses = TableShape.Of("course_templates",
        ("id", ColumnKind.WholeNumber), ("organization_id", ColumnKind.WholeNumber), ("code", ColumnKind.Text), ("title", ColumnKind.Text),
        ("lifecycle_state", ColumnKind.Text), ("created_at", ColumnKind.Instant), ("updated_at", ColumnKind.Instant));

    private static readonly TableShape LearningPaths = TableShape.Of("learning_paths",
        ("id", ColumnKind.WholeNumber), ("organization_id", ColumnKind.WholeNumber), ("code", ColumnKind.Text), ("name", ColumnKind.Text),
        ("lifecycle_state", ColumnKind.Text), ("created_at", ColumnKind.Instant), ("updated_at", ColumnKind.Instant));

    private static readonly TableShape PathCourses = TableShape.Of("learning_path_course",
        ("learning_path_id", ColumnKind.WholeNumber), ("course_template_id", ColumnKind.WholeNumber), ("position", ColumnKind.WholeNumber)) with { IdentityColumn = null };

    private static readonly TableShape PassTypes = TableShape.Of("pass_types",
        ("id", ColumnKind.WholeNumber), ("organization_id", ColumnKind.WholeNumber), ("code", ColumnKind.Text), ("name", ColumnKind.Text),
        ("lifecycle_state", ColumnKind.Text), ("created_at", ColumnKind.Instant), ("updated_at", ColumnKind.Instant), ("version", ColumnKind.WholeNumber));

    private static readonly TableShape ContentItems = TableShape.Of("pass_type_content_items",
        ("id", ColumnKind.WholeNumber), ("pass_type_id", ColumnKind.WholeNumber), ("course_template_id", ColumnKind.WholeNumber), ("learning_path_id", ColumnKind.WholeNumber));

    private static readonly TableShape Options = TableShape.Of("pass_type_options",
        ("id", ColumnKind.WholeNumber), ("pass_type_id", ColumnKind.WholeNumber), ("name", ColumnKind.Text), ("period_unit", ColumnKind.Text),
        ("period_value", ColumnKind.WholeNumber), ("lifecycle_state", ColumnKind.Text), ("created_at", ColumnKind.Instant), ("updated_at", ColumnKind.Instant),
        ("version", ColumnKind.WholeNumber));

    private static readonly TableShape Prices = TableShape.Of("pass_type_option_prices",
        ("id", ColumnKind.WholeNumber), ("option_id", ColumnKind.WholeNumber), ("currency_code", ColumnKind.Text), ("amount_minor_units", ColumnKind.LongWholeNumber));

    private static readonly TableShape Passes = TableShape.Of("passes",
        ("id", ColumnKind.WholeNumber), ("pass_type_id", ColumnKind.WholeNumber), ("option_id", ColumnKind.WholeNumber), ("contact_id", ColumnKind.WholeNumber),
        ("valid_from", ColumnKind.Instant), ("valid_until", ColumnKind.Instant), ("cancelled_at", ColumnKind.Instant),
        ("created_at", ColumnKind.Instant), ("updated_at", ColumnKind.Instant), ("version", ColumnKind.WholeNumber),
        ("expired_notified_for", ColumnKind.Instant), ("expiring_notified_for", ColumnKind.Instant));

    /// <summary>
    /// Passes that ended (or come within the service's default 7-day notice of their end) before the data set was made
    /// are marked as announced, as a service that ran all along would have left them; otherwise the service's
    /// background job would spend its first minutes announcing them while the workloads are measured.
    /// </summary>
    private static readonly TimeSpan AnnouncedWithin = TimeSpan.FromDays(7);

    private static readonly TableShape KeyBatches = TableShape.Of("key_batches",
        ("id", ColumnKind.WholeNumber), ("organization_id", ColumnKind.WholeNumber), ("pass_type_id", ColumnKind.WholeNumber), ("key_count", ColumnKind.WholeNumber),
        ("caller_chosen", ColumnKind.Boolean), ("created_at", ColumnKind.Instant), ("created_by_organization_id", ColumnKind.WholeNumber));

    /// <summary>The training key columns, in the order <see cref="KeyRows"/> fills them; also what W3's baseline inserts.</summary>
    public static readonly TableShape TrainingKeys = TableShape.Of("training_keys",
        ("id", ColumnKind.WholeNumber), ("key", ColumnKind.Text), ("normalized_key", ColumnKind.Text), ("organization_id", ColumnKind.WholeNumber),
        ("pass_type_id", ColumnKind.WholeNumber), ("expiration_date", ColumnKind.Instant), ("max_key_uses", ColumnKind.WholeNumber), ("uses", ColumnKind.WholeNumber),
        ("created_at", ColumnKind.Instant), ("created_by_organization_id", ColumnKind.WholeNumber), ("updated_at", ColumnKind.Instant),
        ("updated_by_organization_id", ColumnKind.WholeNumber), ("batch_id", ColumnKind.WholeNumber), ("version", ColumnKind.WholeNumber));

    private static readonly TableShape[] Tables =
        [Organizations, Credentials, Contacts, Courses, LearningPaths, PathCourses, PassTypes, ContentItems, Options, Prices, Passes, KeyBatches, TrainingKeys];

    private readonly DateTime _now = time.GetUtcNow().UtcDateTime;
    private readonly Random _random = new(Seed);

    public async Task<GeneratedData> WriteAsync(ITableWriter writer, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var credential = "bench-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var hasher = new CredentialHasher(new ConfigurationBuilder().Build());
        var created = _now.AddYears(-1);

        await writer.WriteAsync(Organizations, OrganizationRows(created), cancellationToken);
        await writer.WriteAsync(Credentials, [[1, RootId, hasher.Hash(credential), created]], cancellationToken);
        await writer.WriteAsync(Contacts, ContactRows(created), cancellationToken);
        await writer.WriteAsync(Courses, CatalogRows(size.Courses, "C", "Course", created), cancellationToken);
        await writer.WriteAsync(LearningPaths, CatalogRows(size.LearningPaths, "P", "Path", created), cancellationToken);
        await writer.WriteAsync(PathCourses, PathCourseRows(), cancellationToken);
        await writer.WriteAsync(PassTypes, PassTypeRows(created), cancellationToken);
        var typeCourses = new int[size.PassTypes][];
        await writer.WriteAsync(ContentItems, ContentItemRows(typeCourses), cancellationToken);
        await writer.WriteAsync(Options, OptionRows(created), cancellationToken);
        await writer.WriteAsync(Prices, PriceRows(), cancellationToken);
        var probes = new List<AccessProbe>();
        await writer.WriteAsync(Passes, PassRows(typeCourses, probes), cancellationToken);
        await writer.WriteAsync(KeyBatches, BatchRows(created), cancellationToken);
        await writer.WriteAsync(TrainingKeys, KeyRows(0, size.Keys, created), cancellationToken);
        await writer.CompleteAsync(Tables, cancellationToken);
        return new GeneratedData(size, credential, _now, probes, clock.Elapsed);
    }

    /// <summary>Rows of keys <paramref name="first"/> onwards, unused, in the batch their number falls in.</summary>
    public IEnumerable<object?[]> KeyRows(int first, int count, DateTime created)
    {
        var expires = _now.AddYears(2);
        for (var i = first; i < first + count; i++)
        {
            var batch = (i / DataSize.KeysPerBatch) + 1;
            var organization = OrganizationOfBatch(batch);
            var text = GeneratedData.KeyText(i);
            yield return [i + 1, text, text, organization, PassTypeOfBatch(batch), expires, 1, 0, created, RootId, created, RootId, batch, 0];
        }
    }

    private int ChildOrganization(int index) => RootId + 1 + (index % size.Organizations); // as GeneratedData.ChildOrganization

    private int OrganizationOfBatch(int batch) => ChildOrganization(batch);

    private int PassTypeOfBatch(int batch) => ((batch * 7) % size.PassTypes) + 1;

    private IEnumerable<object?[]> OrganizationRows(DateTime created)
    {
        yield return [RootId, "Bench root", null, $"/{RootId}/", created, created, "USD"];
        for (var i = 0; i < size.Organizations; i++)
        {
            var id = RootId + 1 + i;
            yield return [id, $"Bench organization {id}", RootId, $"/{RootId}/{id}/", created, created, "USD"];
        }
    }

    private IEnumerable<object?[]> ContactRows(DateTime created)
    {
        for (var id = 1; id <= size.Contacts; id++)
        {
            yield return [id, ChildOrganization(id), "Learner", $"Number {id}", $"learner{id}@bench.example", false, created, created, 0];
        }
    }

    private IEnumerable<object?[]> CatalogRows(int count, string prefix, string noun, DateTime created)
    {
        for (var id = 1; id <= count; id++)
        {
            yield return [id, ChildOrganization(id), $"{prefix}-{id:D5}", $"{noun} {id}", "published", created, created];
        }
    }

    private IEnumerable<object?[]> PathCourseRows()
    {
        for (var path = 1; path <= size.LearningPaths; path++)
        {
            var position = 0;
            foreach (var course in Distinct(DataSize.CoursesPerPath, size.Courses))
            {
                yield return [path, course, position++];
            }
        }
    }

    private IEnumerable<object?[]> PassTypeRows(DateTime created)
    {
        for (var id = 1; id <= size.PassTypes; id++)
        {
            yield return [id, ChildOrganization(id), $"T-{id:D5}", $"Pass type {id}", "published", created, created, 0];
        }
    }

    private IEnumerable<object?[]> ContentItemRows(int[][] typeCourses)
    {
        var id = 0;
        for (var type = 1; type <= size.PassTypes; type++)
        {
            typeCourses[type - 1] = Distinct(DataSize.CoursesPerPassType, size.Courses);
            foreach (var course in typeCourses[type - 1])
            {
                yield return [++id, type, course, null];
            }

            foreach (var path in Distinct(DataSize.PathsPerPassType, size.LearningPaths))
            {
                yield return [++id, type, null, path];
            }
        }
    }

    private IEnumerable<object?[]> OptionRows(DateTime created)
    {
        for (var type = 1; type <= size.PassTypes; type++)
        {
            var first = GeneratedData.FirstOptionId(type);
            yield return [first, type, "Monthly", "months", 1, "published", created, created, 0];
            yield return [first + 1, type, "Yearly", "years", 1, "published", created, created, 0];
        }
    }

    private IEnumerable<object?[]> PriceRows()
    {
        for (var option = 1; option <= size.PassTypes * DataSize.OptionsPerPassType; option++)
        {
            yield return [option, option, "USD", option % 2 == 1 ? 1_500L : 12_000L];
        }
    }

    /// <summary>
    /// <see cref="DataSize.PassesPerContact"/> passes a contact: seven in ten valid now, the rest expired, not yet
    /// started or cancelled. Every n-th contact also yields an access probe: a course of one of its pass types, or
    /// (two times in five) any course.
    /// </summary>
    private IEnumerable<object?[]> PassRows(int[][] typeCourses, List<AccessProbe> probes)
    {
        var probeEvery = Math.Max(1, size.Contacts / ProbeCount);
        var id = 0;
        for (var contact = 1; contact <= size.Contacts; contact++)
        {
            var firstType = 0;
            for (var n = 0; n < size.PassesPerContact; n++)
            {
                var type = _random.Next(size.PassTypes) + 1;
                firstType = n == 0 ? type : firstType;
                var state = _random.Next(10);
                var from = state switch
                {
                    0 => _now.AddDays(-400 - _random.Next(300)),
                    1 => _now.AddDays(1 + _random.Next(60)),
                    _ => _now.AddDays(-_random.Next(1, 300)),
                };
                var until = from.AddYears(1);
                DateTime? cancelled = state == 2 ? _now.AddDays(-1) : null;
                var announced = cancelled is null && until <= _now + AnnouncedWithin;
                yield return [++id, type, GeneratedData.FirstOptionId(type) + 1, contact, from, until, cancelled, from, from, 0,
                    announced && until <= _now ? until : null, announced ? until : null];
            }

            if (contact % probeEvery == 0 && probes.Count < ProbeCount)
            {
                var course = _random.Next(5) < 3 && firstType > 0
                    ? typeCourses[firstType - 1][_random.Next(DataSize.CoursesPerPassType)]
                    : _random.Next(size.Courses) + 1;
                probes.Add(new AccessProbe(contact, course));
            }
        }
    }

    private IEnumerable<object?[]> BatchRows(DateTime created)
    {
        var batches = (size.Keys + DataSize.KeysPerBatch - 1) / DataSize.KeysPerBatch;
        for (var batch = 1; batch <= batches; batch++)
        {
            var count = Math.Min(DataSize.KeysPerBatch, size.Keys - ((batch - 1) * DataSize.KeysPerBatch));
            yield return [batch, OrganizationOfBatch(batch), PassTypeOfBatch(batch), count, false, created, RootId];
        }
    }

    /// <summary><paramref name="count"/> distinct numbers from 1 to <paramref name="max"/>.</summary>
    private int[] Distinct(int count, int max)
    {
        var chosen = new HashSet<int>();
        while (chosen.Count < Math.Min(count, max))
        {
            chosen.Add(_random.Next(max) + 1);
        }

        return [.. chosen];
    }
}
