using Entitle.Persistence;
using Microsoft.Data.Sqlite;

namespace Entitle.Tests.Persistence;

/// <summary>
/// Instants read by hand on SQLite are parsed digit by digit when they are in the form EF Core writes
/// (<see cref="SqliteInstant"/>), and the provider's way otherwise. Whatever a column holds, the answer must be the one
/// the provider's own parse gave (marked UTC), or the same failure.
/// </summary>
public sealed class StoredValuesTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"entitle-stored-values-{Guid.NewGuid():N}.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(_file);
    }

    [Fact]
    public async Task EveryInstantWrittenAsEfCoreWritesItReadsBackAsTheProviderReadsIt()
    {
        var random = new Random(20261205);
        var instants = new List<DateTime>
        {
            DateTime.MinValue,
            new(9999, 12, 31, 23, 59, 59, DateTimeKind.Utc),
            DateTime.MaxValue,
            new(2024, 2, 29, 0, 0, 0, DateTimeKind.Utc),
            new(2023, 4, 3, 9, 35, 0, DateTimeKind.Utc),
            new DateTime(2023, 4, 3, 9, 35, 0, DateTimeKind.Utc).AddTicks(1),
            new DateTime(2023, 4, 3, 9, 35, 0, DateTimeKind.Utc).AddTicks(1_000_000),
        };
        for (var i = 0; i < 2_000; i++)
        {
            instants.Add(new DateTime(random.NextInt64(DateTime.MinValue.Ticks, DateTime.MaxValue.Ticks), DateTimeKind.Utc));
        }

        // Bound as a parameter, Microsoft.Data.Sqlite writes a DateTime as EF Core's SQLite mapping does.
        var stored = await StoreAndReadAsync(instants.Select(i => (object)i));
        var texts = stored.Select(s => s.Text).ToList();
        Assert.Contains(texts, t => t.Length == 19);
        Assert.Contains(texts, t => t.Length == 27);
        Assert.All(texts, t => Assert.True(SqliteInstant.TryParse(t, out _), t));
        Assert.Equal(instants, stored.Select(s => (DateTime)s.Read));
        Assert.Equal(stored.Select(s => s.ByProvider), stored.Select(s => s.Read));
        Assert.All(stored, s => Assert.Equal(DateTimeKind.Utc, ((DateTime)s.Read).Kind));
    }

    [Theory]
    [InlineData("2023-04-03T09:35:00")]
    [InlineData("2023-04-03T09:35:00Z")]
    [InlineData("2023-04-03")]
    [InlineData("2023-04-03 09:35:00.")]
    [InlineData("2023-04-03 09:35")]
    [InlineData("2023-04-03 09:35:00.12345678")]
    [InlineData("2023-02-29 00:00:00")]
    [InlineData("2023-13-01 00:00:00")]
    [InlineData("2023-04-03 24:00:00")]
    [InlineData("0000-01-01 00:00:00")]
    [InlineData("２０２３-04-03 09:35:00")]
    [InlineData("not a date")]
    public async Task AnyOtherTextIsParsedAsTheProviderParsesItOrFailsAsItFails(string text)
    {
        Assert.False(SqliteInstant.TryParse(text, out _));
        var (_, read, byProvider) = (await StoreAndReadAsync([text])).Single();
        Assert.Equal(byProvider, read);
    }

    [Fact]
    public async Task ANumberIsReadAsTheProviderReadsIt()
    {
        var (_, read, byProvider) = (await StoreAndReadAsync([2460000.5])).Single();
        Assert.Equal(byProvider, read);
        Assert.IsType<DateTime>(read);
    }

    /// <summary>
    /// Writes each value to a real SQLite file and reads it back: as text, through <see cref="StoredValues.RequiredInstant"/>,
    /// and through the provider's own <c>GetDateTime</c> marked UTC (each an instant or the failure's type).
    /// </summary>
    private async Task<List<(string Text, object Read, object ByProvider)>> StoreAndReadAsync(IEnumerable<object> values)
    {
        await using var connection = new SqliteConnection($"Data Source={_file}");
        await connection.OpenAsync();
        await using (var create = connection.CreateCommand())
        {
            create.CommandText = "DROP TABLE IF EXISTS instants; CREATE TABLE instants (id INTEGER PRIMARY KEY, at)";
            await create.ExecuteNonQueryAsync();
        }

        await using (var transaction = connection.BeginTransaction())
        {
            foreach (var value in values)
            {
                await using var insert = connection.CreateCommand();
                insert.CommandText = "INSERT INTO instants (at) VALUES (@at)";
                insert.Parameters.AddWithValue("@at", value);
                await insert.ExecuteNonQueryAsync();
            }

            await transaction.CommitAsync();
        }

        var read = new List<(string, object, object)>();
        await using var select = connection.CreateCommand();
        select.CommandText = "SELECT CAST(at AS TEXT), at FROM instants ORDER BY id";
        await using var reader = await select.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            read.Add((reader.GetString(0), Outcome(() => StoredValues.RequiredInstant(reader, 1)), Outcome(() => DateTime.SpecifyKind(reader.GetDateTime(1), DateTimeKind.Utc))));
        }

        return read;
    }

    private static object Outcome(Func<DateTime> read)
    {
        try
        {
            return read();
        }
        catch (FormatException e)
        {
            return e.GetType();
        }
    }
}
