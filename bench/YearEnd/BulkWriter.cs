using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace EvalBot.Bench.YearEnd;

/// <summary>
/// Multi-row INSERTs of entities, in one transaction, with the ids set by the generator. Table names, column names and
/// every value's conversion come from the app's EF model (the same type mappings and value converters EF uses when it
/// saves), so the rows are stored exactly as the app stores them, only much faster than change tracking would.
/// </summary>
public sealed class BulkWriter(DbContext db, DbConnection connection, DbTransaction transaction)
{
    private readonly ISqlGenerationHelper _sql = db.GetService<ISqlGenerationHelper>();
    private readonly HashSet<string> _tables = [];

    public long Rows { get; private set; }

    /// <summary>Every table written to, for resetting identity sequences afterwards.</summary>
    public IReadOnlyCollection<string> Tables => _tables;

    public async Task InsertAsync<T>(IReadOnlyList<T> rows, CancellationToken ct = default) where T : class
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0) return;
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var tableName = entity.GetTableName()!;
        var table = StoreObjectIdentifier.Table(tableName, entity.GetSchema());
        var properties = entity.GetProperties().Where(p => p.PropertyInfo is not null || p.FieldInfo is not null).ToList();
        var mappings = properties.Select(p => (Property: p, Mapping: (RelationalTypeMapping)p.GetRelationalTypeMapping(), Getter: p.GetGetter())).ToList();
        var head = $"INSERT INTO {_sql.DelimitIdentifier(tableName)} ({string.Join(", ", properties.Select(p => _sql.DelimitIdentifier(p.GetColumnName(table)!)))}) VALUES ";
        _tables.Add(tableName);
        if (db.Database.IsSqlite())
        {
            // SQLite binds parameters by name with a linear search, so a multi-row statement costs O(parameters²); one
            // prepared single-row statement executed per row is the fast path (no round trips: SQLite is in-process).
            await using var single = connection.CreateCommand();
            single.Transaction = transaction;
            single.CommandText = head + "(" + string.Join(", ", mappings.Select((_, c) => _sql.GenerateParameterNamePlaceholder("p" + c.ToString(System.Globalization.CultureInfo.InvariantCulture)))) + ")";
            var parameters = mappings.Select((m, c) =>
            {
                var parameter = m.Mapping.CreateParameter(single, _sql.GenerateParameterName("p" + c.ToString(System.Globalization.CultureInfo.InvariantCulture)), m.Getter.GetClrValue(rows[0]), m.Property.IsNullable);
                single.Parameters.Add(parameter);
                return parameter;
            }).ToList();
            single.Prepare();
            foreach (var row in rows)
            {
                for (var c = 0; c < mappings.Count; c++)
                {
                    var (property, mapping, getter) = mappings[c];
                    // The type mapping converts the value exactly as EF would (value converters, provider types).
                    var converted = mapping.CreateParameter(single, "x", getter.GetClrValue(row), property.IsNullable);
                    parameters[c].Value = converted.Value;
                }

                await single.ExecuteNonQueryAsync(ct);
            }

            Rows += rows.Count;
            return;
        }

        var perStatement = Math.Max(1, Math.Min(1000, 30000 / properties.Count));
        for (var start = 0; start < rows.Count; start += perStatement)
        {
            var count = Math.Min(perStatement, rows.Count - start);
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandTimeout = 600;
            var text = new StringBuilder(head, head.Length + (count * properties.Count * 8));
            var n = 0;
            for (var r = 0; r < count; r++)
            {
                text.Append(r == 0 ? "(" : ", (");
                var row = rows[start + r];
                for (var c = 0; c < mappings.Count; c++)
                {
                    var name = "p" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    n++;
                    if (c > 0) text.Append(", ");
                    text.Append(_sql.GenerateParameterNamePlaceholder(name));
                    var (property, mapping, getter) = mappings[c];
                    command.Parameters.Add(mapping.CreateParameter(command, _sql.GenerateParameterName(name), getter.GetClrValue(row), property.IsNullable));
                }

                text.Append(')');
            }

            command.CommandText = text.ToString();
            await command.ExecuteNonQueryAsync(ct);
            Rows += count;
        }
    }
}
