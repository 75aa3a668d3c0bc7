using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Entitle.Application.Organizations;
using Entitle.Bench.Hosting;
using Entitle.Domain.Catalog;
using Entitle.Domain.PassTypes;
using Microsoft.AspNetCore.Http;

namespace Entitle.Bench.Baseline;

/// <summary>
/// W2's floor: the seed's <c>trainingPassTypes</c> query (published types with content, options and prices) as the
/// statements the service runs for it, one per level whatever <c>first</c> is (the credential, the page
/// of types, their content items, the courses and the paths those items show, their options, the options'
/// prices), and the same answer written by hand: each nested list holds its default page of 20.
/// </summary>
public sealed class CatalogBaseline(BaselineDatabase database, CredentialHasher hasher)
{
    private const int NestedPage = 20;

    private const string Visible = """
        FROM pass_types p
        WHERE (p.organization_id IN ({ids}) OR p.organization_id IN (SELECT o.id FROM organizations o WHERE o.path LIKE @subtree ESCAPE '\'))
          AND p.lifecycle_state = @state
        """;

    public async Task HandleAsync(HttpContext context)
    {
        var first = int.Parse(context.Request.Query["first"].ToString(), CultureInfo.InvariantCulture);
        var ct = context.RequestAborted;
        await using var connection = await database.OpenAsync(ct);
        var caller = await BaselineCaller.FindAsync(connection, hasher, context);
        if (caller is null)
        {
            context.Response.StatusCode = 401;
            return;
        }

        var ancestors = caller.AncestorAndSelfIds();
        var visible = Visible.Replace("{ids}", string.Join(", ", ancestors.Select((_, i) => "@a" + i)), StringComparison.Ordinal);
        void Scope(DbCommand command)
        {
            for (var i = 0; i < ancestors.Length; i++)
            {
                BaselineDatabase.Parameter(command, "a" + i, ancestors[i]);
            }

            BaselineDatabase.Parameter(command, "subtree", caller.Path + "%");
            BaselineDatabase.Parameter(command, "state", "published");
        }

        var types = new List<(int Id, string Name, string State)>();
        await using (var page = connection.CreateCommand())
        {
            page.CommandText = "SELECT p.id, p.code, p.created_at, p.description, p.lifecycle_state, p.name, p.organization_id, p.updated_at, p.version " + visible + " ORDER BY p.id LIMIT @limit OFFSET 0";
            Scope(page);
            BaselineDatabase.Parameter(page, "limit", first);
            await using var reader = await page.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                types.Add((reader.GetInt32(0), reader.GetString(5), reader.GetString(4)));
            }
        }

        var typeIds = types.Select(t => t.Id).ToArray();
        var content = new Dictionary<int, List<(int? Course, int? Path)>>();
        await ReadPerParentAsync(connection,
            "SELECT p.pass_type_id, p.id, p.course_template_id, p.learning_path_id FROM pass_type_content_items p WHERE p.pass_type_id IN ({ids}) ORDER BY p.id",
            typeIds, content, r => (r.IsDBNull(2) ? (int?)null : r.GetInt32(2), r.IsDBNull(3) ? (int?)null : r.GetInt32(3)), ct);
        var shown = content.Values.SelectMany(items => items.Take(NestedPage)).ToList();
        var courses = await ReadByIdsAsync(connection,
            "SELECT c.id, c.code, c.created_at, c.description, c.lifecycle_state, c.organization_id, c.title, c.updated_at FROM course_templates c WHERE c.id {in}",
            [.. shown.Where(i => i.Course is not null).Select(i => i.Course!.Value).Distinct()], r => r.GetString(1), ct);
        var paths = await ReadByIdsAsync(connection,
            "SELECT l.id, l.code, l.created_at, l.description, l.lifecycle_state, l.name, l.organization_id, l.updated_at FROM learning_paths l WHERE l.id {in}",
            [.. shown.Where(i => i.Path is not null).Select(i => i.Path!.Value).Distinct()], r => r.GetString(5), ct);
        var options = new Dictionary<int, List<(int Id, string Name)>>();
        await ReadPerParentAsync(connection,
            "SELECT p.pass_type_id, p.id, p.created_at, p.lifecycle_state, p.name, p.period_unit, p.period_value, p.updated_at, p.version FROM pass_type_options p WHERE p.pass_type_id IN ({ids}) ORDER BY p.id",
            typeIds, options, r => (r.GetInt32(1), r.GetString(4)), ct);
        var prices = new Dictionary<int, List<(long Amount, string Currency)>>();
        await ReadPerParentAsync(connection,
            "SELECT p.option_id, p.id, p.amount_minor_units, p.currency_code, p.region_code, r.code, r.name FROM pass_type_option_prices p LEFT JOIN regions r ON p.region_code = r.code WHERE p.option_id IN ({ids}) ORDER BY p.id",
            [.. options.Values.SelectMany(o => o.Take(NestedPage)).Select(o => o.Id)], prices, r => (r.GetInt64(2), r.GetString(3)), ct);

        context.Response.ContentType = "application/graphql-response+json; charset=utf-8";
        await using var json = new Utf8JsonWriter(context.Response.BodyWriter);
        json.WriteStartObject();
        json.WriteStartObject("data");
        json.WriteStartObject("trainingPassTypes");
        json.WriteStartArray("edges");
        foreach (var type in types)
        {
            json.WriteStartObject();
            json.WriteStartObject("node");
            json.WriteString("id", GlobalIds.Of("TrainingPassType", type.Id));
            json.WriteString("name", type.Name);
            json.WriteString("lifecycleState", type.State);
            Connection(json, "content", content.GetValueOrDefault(type.Id), item =>
            {
                json.WriteString("__typename", item.Course is null ? "LearningPath" : "CourseTemplate");
                json.WriteString(item.Course is null ? "name" : "code", item.Course is { } course ? courses[course] : paths[item.Path!.Value]);
            });
            Connection(json, "options", options.GetValueOrDefault(type.Id), option =>
            {
                json.WriteString("name", option.Name);
                Connection(json, "prices", prices.GetValueOrDefault(option.Id), price =>
                {
                    json.WriteString("amount", Money.Format(price.Amount));
                    json.WriteStartObject("financialUnit");
                    json.WriteString("name", Currencies.Find(price.Currency)?.Name);
                    json.WriteEndObject();
                });
            });
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
        await json.FlushAsync(ct);
    }

    /// <summary>One statement for the rows of every parent (the ids as parameters, as the service sends them), grouped by the first column.</summary>
    private static async Task ReadPerParentAsync<T>(DbConnection connection, string sql, int[] parents, Dictionary<int, List<T>> into, Func<DbDataReader, T> read, CancellationToken ct)
    {
        if (parents.Length == 0)
        {
            return;
        }

        await using var command = connection.CreateCommand();
        command.CommandText = sql.Replace("{ids}", string.Join(", ", parents.Select((_, i) => "@i" + i)), StringComparison.Ordinal);
        for (var i = 0; i < parents.Length; i++)
        {
            BaselineDatabase.Parameter(command, "i" + i, parents[i]);
        }

        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var parent = reader.GetInt32(0);
            if (!into.TryGetValue(parent, out var list))
            {
                into[parent] = list = [];
            }

            list.Add(read(reader));
        }
    }

    /// <summary>
    /// Rows by id, the ids as one parameter as the service sends them (SQLite: a JSON array read by json_each;
    /// PostgreSQL: an array), keyed by the first column.
    /// </summary>
    private async Task<Dictionary<int, string>> ReadByIdsAsync(DbConnection connection, string sql, int[] ids, Func<DbDataReader, string> read, CancellationToken ct)
    {
        var rows = new Dictionary<int, string>();
        if (ids.Length == 0)
        {
            return rows;
        }

        await using var command = connection.CreateCommand();
        command.CommandText = sql.Replace("{in}", database.Postgres ? "= ANY(@ids)" : "IN (SELECT value FROM json_each(@ids))", StringComparison.Ordinal);
        BaselineDatabase.Parameter(command, "ids", database.Postgres ? ids : JsonSerializer.Serialize(ids));
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            rows[reader.GetInt32(0)] = read(reader);
        }

        return rows;
    }

    private static void Connection<T>(Utf8JsonWriter json, string name, List<T>? items, Action<T> node)
    {
        json.WriteStartObject(name);
        json.WriteStartArray("edges");
        foreach (var item in (items ?? []).Take(NestedPage))
        {
            json.WriteStartObject();
            json.WriteStartObject("node");
            node(item);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
