using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace Entitle.Tests.Support;

/// <summary>
/// Every row of every table of the model, as text: two snapshots are equal exactly when the database holds the
/// same data, which is how tests prove that a refused operation changed nothing.
/// </summary>
public static class DatabaseSnapshot
{
    public static async Task<string> TakeAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        var tables = db.Model.GetEntityTypes().Select(t => t.GetTableName()).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();
        var text = new StringBuilder();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        foreach (var table in tables)
        {
            text.Append("## ").AppendLine(table);
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await command.ExecuteReaderAsync();
            var rows = new List<string>();
            while (await reader.ReadAsync())
            {
                rows.Add(Row(reader));
            }

            rows.Sort(StringComparer.Ordinal);
            rows.ForEach(r => text.AppendLine(r));
        }

        return text.ToString();
    }

    private static string Row(DbDataReader reader)
    {
        var cells = new string[reader.FieldCount];
        for (var i = 0; i < reader.FieldCount; i++)
        {
            var value = reader.GetValue(i);
            cells[i] = reader.GetName(i) + "=" + value switch
            {
                DBNull => "null",
                byte[] bytes => "0x" + Convert.ToHexString(bytes) + " / " + Encoding.UTF8.GetString(bytes),
                _ => Convert.ToString(value, CultureInfo.InvariantCulture),
            };
        }

        return string.Join(" | ", cells);
    }
}
