using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;

namespace EvalBot.Tests.Reliability;

/// <summary>
/// Every table of a SQLite database: its row count and a hash of its content (rows rendered as text and sorted, so
/// the hash does not depend on row order). Quartz's own tables are left out: the scheduler writes them on its own clock.
/// </summary>
public sealed record DbSnapshot(IReadOnlyDictionary<string, (long Rows, string Hash)> Tables)
{
    public static async Task<DbSnapshot> TakeAsync(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString) { Mode = SqliteOpenMode.ReadOnly, Pooling = false };
        await using var connection = new SqliteConnection(builder.ToString());
        await connection.OpenAsync();
        var names = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' AND lower(name) NOT LIKE 'qrtz%' ORDER BY name";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                names.Add(reader.GetString(0));
            }
        }

        var tables = new SortedDictionary<string, (long, string)>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var rows = new List<string>();
            await using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{name}\"";
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var row = new StringBuilder();
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    var value = reader.GetValue(i);
                    row.Append(value is byte[] bytes ? Convert.ToHexString(bytes) : Convert.ToString(value, CultureInfo.InvariantCulture)).Append('\u001f');
                }

                rows.Add(row.ToString());
            }

            rows.Sort(StringComparer.Ordinal);
            tables[name] = (rows.Count, Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001e', rows)))));
        }

        return new DbSnapshot(tables);
    }

    /// <summary>Tables whose count or content differ, e.g. <c>checkin_reports 0→1</c>.</summary>
    public IReadOnlyList<string> Differences(DbSnapshot after, params string[] ignoring)
    {
        ArgumentNullException.ThrowIfNull(after);
        return [.. Tables.Keys.Union(after.Tables.Keys).Where(t => !ignoring.Contains(t))
            .Where(t => !Tables.TryGetValue(t, out var a) || !after.Tables.TryGetValue(t, out var b) || a != b)
            .Select(t => $"{t} {(Tables.TryGetValue(t, out var a) ? a.Rows : -1)}→{(after.Tables.TryGetValue(t, out var b) ? b.Rows : -1)}")];
    }

    public long Rows(string table) => Tables.TryGetValue(table, out var t) ? t.Rows : 0;
}
