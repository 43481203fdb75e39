using System.Data.Common;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace EvalBot.Persistence;

/// <summary>
/// Inserts new rows of one entity type without the change tracker, in the context's connection and transaction, binding
/// each column through the model's own type mapping (the values are stored exactly as <c>SaveChanges</c> would store
/// them). On SQLite, one prepared <c>INSERT … RETURNING</c> command reused for every row (<c>SaveChanges</c> sends one
/// command per row there). On PostgreSQL, the keys are taken from the key column's sequence first, then the rows go as
/// multi-row <c>INSERT</c>s of up to <see cref="PostgresRowsPerStatement"/> rows with those keys. This makes the
/// compile's 100,000 drafts, audit entries and self-assessment invitations several times cheaper to write. A type split
/// over several tables (the outbox and its payloads) is written to each, the first table's key reused by the others.
/// Used only for types whose columns are all plain (no database defaults, generated or concurrency columns besides the
/// key); otherwise <see cref="TryCreate"/> answers null and the caller saves through the change tracker.
/// </summary>
internal sealed class RowInserter<T> : IDisposable
    where T : class
{
    /// <summary>Rows per statement on PostgreSQL: ~20 columns each stays far below the protocol's 65,535 parameters.</summary>
    internal const int PostgresRowsPerStatement = 1000;

    private readonly Part[] _parts;
    private readonly PropertyInfo _key;
    private readonly bool _postgres;

    /// <summary>
    /// One table of the type: its key column and its other columns (the first table's key is generated; the others take
    /// it), with the command that inserts into it.
    /// </summary>
    private sealed record Part(string Table, string KeyColumn, (PropertyInfo Clr, RelationalTypeMapping Mapping, bool Nullable, string Name)[] Columns, DbCommand Command)
    {
        public string ColumnList => string.Join(", ", Columns.Select(c => $"\"{c.Name}\""));
    }

    private RowInserter(Part[] parts, PropertyInfo key, bool postgres)
    {
        _parts = parts;
        _key = key;
        _postgres = postgres;
    }

    public static RowInserter<T>? TryCreate(EvalBotDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var postgres = db.Database.IsNpgsql();
        if (!db.Database.IsSqlite() && !postgres) return null;
        var entityType = db.Model.FindEntityType(typeof(T));
        if (entityType?.GetTableName() is not { } table || entityType.FindPrimaryKey() is not { Properties: [var key] } || key.PropertyInfo is null
            || key.ClrType != typeof(long) || key.ValueGenerated != ValueGenerated.OnAdd
            || entityType.GetNavigations().Any() || entityType.GetDerivedTypes().Any())
        {
            return null;
        }

        var stores = new List<StoreObjectIdentifier> { StoreObjectIdentifier.Table(table, entityType.GetSchema()) };
        stores.AddRange(entityType.GetMappingFragments(StoreObjectType.Table).Select(f => f.StoreObject));
        var columns = stores.Select(_ => new List<(PropertyInfo, RelationalTypeMapping, bool, string)>()).ToList();
        foreach (var property in entityType.GetProperties())
        {
            if (property == key) continue;
            var index = stores.FindIndex(store => property.GetColumnName(store) is not null);
            if (index < 0 || property.PropertyInfo is null || property.IsConcurrencyToken || property.ValueGenerated != ValueGenerated.Never
                || property.GetDefaultValueSql() is not null || property.TryGetDefaultValue(out _) || property.GetComputedColumnSql() is not null)
            {
                return null;
            }

            columns[index].Add((property.PropertyInfo, property.GetRelationalTypeMapping(), property.IsNullable, property.GetColumnName(stores[index])!));
        }

        var parts = new Part[stores.Count];
        for (var i = 0; i < stores.Count; i++)
        {
            if (key.GetColumnName(stores[i]) is not { } keyColumn) return null;
            var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            parts[i] = new Part(stores[i].Name, keyColumn, [.. columns[i]], command);
        }

        if (!postgres)
        {
            var main = parts[0];
            main.Command.CommandText = $"INSERT INTO \"{main.Table}\" ({main.ColumnList}) VALUES ({string.Join(", ", main.Columns.Select((_, c) => "@p" + c))}) RETURNING \"{main.KeyColumn}\"";
            foreach (var part in parts.Skip(1))
            {
                part.Command.CommandText = $"INSERT INTO \"{part.Table}\" (\"{part.KeyColumn}\", {part.ColumnList}) VALUES (@key, {string.Join(", ", part.Columns.Select((_, c) => "@p" + c))})";
            }
        }

        return new RowInserter<T>(parts, key.PropertyInfo, postgres);
    }

    /// <summary>Inserts the rows in order and sets each one's key.</summary>
    public async Task InsertAsync(IEnumerable<T> rows, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (_postgres)
        {
            foreach (var chunk in rows.Chunk(PostgresRowsPerStatement))
            {
                await InsertOnPostgresAsync(chunk, ct);
            }

            return;
        }

        // SQLite: each command's parameters are made once, as the model's mappings make them, and only their values
        // change from row to row (each value converted as CreateParameter converts it).
        for (var p = 0; p < _parts.Length; p++) Prepare(_parts[p], keyed: p > 0);
        foreach (var row in rows)
        {
            Bind(_parts[0], row);
            var id = Convert.ToInt64(await _parts[0].Command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
            _key.SetValue(row, id);
            for (var p = 1; p < _parts.Length; p++)
            {
                var part = _parts[p];
                Bind(part, row);
                part.Command.Parameters[^1].Value = id;
                await part.Command.ExecuteNonQueryAsync(ct);
            }
        }
    }

    private static void Prepare(Part part, bool keyed)
    {
        var command = part.Command;
        if (command.Parameters.Count == part.Columns.Length + (keyed ? 1 : 0)) return;
        command.Parameters.Clear();
        for (var c = 0; c < part.Columns.Length; c++)
        {
            var (_, mapping, nullable, _) = part.Columns[c];
            command.Parameters.Add(mapping.CreateParameter(command, "@p" + c, null, nullable));
        }

        if (keyed)
        {
            var key = command.CreateParameter();
            key.ParameterName = "@key";
            command.Parameters.Add(key);
        }
    }

    private static void Bind(Part part, T row)
    {
        for (var c = 0; c < part.Columns.Length; c++)
        {
            var (clr, mapping, _, _) = part.Columns[c];
            var value = clr.GetValue(row);
            part.Command.Parameters[c].Value = (mapping.Converter is { } converter ? converter.ConvertToProvider(value) : value) ?? DBNull.Value;
        }
    }

    /// <summary>
    /// Keys for the rows from the key column's own sequence (as the column's default would take them), then one
    /// multi-row insert with those keys into each of the type's tables.
    /// </summary>
    private async Task InsertOnPostgresAsync(T[] rows, CancellationToken ct)
    {
        var main = _parts[0];
        var command = main.Command;
        command.Parameters.Clear();
        command.CommandText = $"SELECT nextval(pg_get_serial_sequence('\"{main.Table}\"', '{main.KeyColumn}')) FROM generate_series(1, {rows.Length})";
        var keys = new List<long>(rows.Length);
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct)) keys.Add(reader.GetInt64(0));
        }

        if (keys.Count != rows.Length) throw new InvalidOperationException($"{main.Table}: {keys.Count} keys for {rows.Length} rows.");
        foreach (var part in _parts)
        {
            await InsertPartOnPostgresAsync(part, rows, keys, ct);
        }

        for (var i = 0; i < rows.Length; i++)
        {
            _key.SetValue(rows[i], keys[i]);
        }
    }

    private static async Task InsertPartOnPostgresAsync(Part part, T[] rows, List<long> keys, CancellationToken ct)
    {
        // Positional parameters ($n, unnamed): Npgsql sends them as they are, without rewriting the statement's names.
        var command = part.Command;
        command.Parameters.Clear();
        var values = new System.Text.StringBuilder();
        for (var i = 0; i < rows.Length; i++)
        {
            values.Append(i == 0 ? "(" : ", (").Append(keys[i].ToString(System.Globalization.CultureInfo.InvariantCulture));
            foreach (var (clr, mapping, nullable, _) in part.Columns)
            {
                command.Parameters.Add(mapping.CreateParameter(command, "", clr.GetValue(rows[i]), nullable));
                values.Append(", $").Append(command.Parameters.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            values.Append(')');
        }

        command.CommandText = $"INSERT INTO \"{part.Table}\" (\"{part.KeyColumn}\", {part.ColumnList}) VALUES {values}";
        await command.ExecuteNonQueryAsync(ct);
        command.Parameters.Clear();
    }

    public void Dispose()
    {
        foreach (var part in _parts) part.Command.Dispose();
    }
}
