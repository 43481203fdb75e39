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
/// compile's 100,000 drafts, audit entries and self-assessment invitations several times cheaper to write. Used only
/// for types whose columns are all plain (no database defaults, generated or concurrency columns besides the key);
/// otherwise <see cref="TryCreate"/> answers null and the caller saves through the change tracker.
/// </summary>
internal sealed class RowInserter<T> : IDisposable
    where T : class
{
    /// <summary>Rows per statement on PostgreSQL: ~20 columns each stays far below the protocol's 65,535 parameters.</summary>
    internal const int PostgresRowsPerStatement = 1000;

    private readonly DbCommand _command;
    private readonly (PropertyInfo Clr, RelationalTypeMapping Mapping, bool Nullable, string Name)[] _columns;
    private readonly PropertyInfo _key;
    private readonly PostgresStatement? _postgres;

    /// <summary>What the PostgreSQL statements are built from: the table, its key column and the other columns, quoted and joined.</summary>
    private sealed record PostgresStatement(string Table, string KeyColumn, string Columns);

    private RowInserter(DbCommand command, (PropertyInfo, RelationalTypeMapping, bool, string)[] columns, PropertyInfo key, PostgresStatement? postgres)
    {
        _command = command;
        _columns = columns;
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
            || key.ClrType != typeof(long) || key.ValueGenerated != ValueGenerated.OnAdd)
        {
            return null;
        }

        var store = StoreObjectIdentifier.Table(table, entityType.GetSchema());
        var columns = new List<(PropertyInfo, RelationalTypeMapping, bool, string)>();
        var names = new List<string>();
        foreach (var property in entityType.GetProperties())
        {
            if (property == key) continue;
            if (property.PropertyInfo is null || property.IsConcurrencyToken || property.ValueGenerated != ValueGenerated.Never
                || property.GetDefaultValueSql() is not null || property.TryGetDefaultValue(out _) || property.GetComputedColumnSql() is not null
                || property.GetColumnName(store) is not { } column)
            {
                return null;
            }

            columns.Add((property.PropertyInfo, property.GetRelationalTypeMapping(), property.IsNullable, "@p" + columns.Count));
            names.Add(column);
        }

        if (entityType.GetNavigations().Any() || entityType.GetDerivedTypes().Any() || key.GetColumnName(store) is not { } keyColumn) return null;
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        if (postgres) return new RowInserter<T>(command, [.. columns], key.PropertyInfo, new PostgresStatement(table, keyColumn, string.Join(", ", names.Select(n => $"\"{n}\""))));
        command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", names.Select(n => $"\"{n}\""))}) VALUES ({string.Join(", ", columns.Select(c => c.Item4))}) RETURNING \"{keyColumn}\"";
        return new RowInserter<T>(command, [.. columns], key.PropertyInfo, null);
    }

    /// <summary>Inserts the rows in order and sets each one's key.</summary>
    public async Task InsertAsync(IEnumerable<T> rows, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (_postgres is { } statement)
        {
            foreach (var chunk in rows.Chunk(PostgresRowsPerStatement))
            {
                await InsertOnPostgresAsync(statement, chunk, ct);
            }

            return;
        }

        // SQLite: the command's parameters are made once, as the model's mappings make them, and only their values change
        // from row to row (each value converted as CreateParameter converts it).
        if (_command.Parameters.Count != _columns.Length)
        {
            _command.Parameters.Clear();
            foreach (var (_, mapping, nullable, name) in _columns)
            {
                _command.Parameters.Add(mapping.CreateParameter(_command, name, null, nullable));
            }
        }

        foreach (var row in rows)
        {
            for (var c = 0; c < _columns.Length; c++)
            {
                var (clr, mapping, _, _) = _columns[c];
                var value = clr.GetValue(row);
                _command.Parameters[c].Value = (mapping.Converter is { } converter ? converter.ConvertToProvider(value) : value) ?? DBNull.Value;
            }

            var id = await _command.ExecuteScalarAsync(ct);
            _key.SetValue(row, Convert.ToInt64(id, System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    /// <summary>
    /// Keys for the rows from the key column's own sequence (as the column's default would take them), then one
    /// multi-row insert with those keys.
    /// </summary>
    private async Task InsertOnPostgresAsync(PostgresStatement statement, T[] rows, CancellationToken ct)
    {
        _command.Parameters.Clear();
        _command.CommandText = $"SELECT nextval(pg_get_serial_sequence('\"{statement.Table}\"', '{statement.KeyColumn}')) FROM generate_series(1, {rows.Length})";
        var keys = new List<long>(rows.Length);
        await using (var reader = await _command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct)) keys.Add(reader.GetInt64(0));
        }

        if (keys.Count != rows.Length) throw new InvalidOperationException($"{statement.Table}: {keys.Count} keys for {rows.Length} rows.");
        // Positional parameters ($n, unnamed): Npgsql sends them as they are, without rewriting the statement's names.
        var values = new System.Text.StringBuilder();
        for (var i = 0; i < rows.Length; i++)
        {
            values.Append(i == 0 ? "(" : ", (").Append(keys[i].ToString(System.Globalization.CultureInfo.InvariantCulture));
            foreach (var (clr, mapping, nullable, _) in _columns)
            {
                _command.Parameters.Add(mapping.CreateParameter(_command, "", clr.GetValue(rows[i]), nullable));
                values.Append(", $").Append(_command.Parameters.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            values.Append(')');
        }

        _command.CommandText = $"INSERT INTO \"{statement.Table}\" (\"{statement.KeyColumn}\", {statement.Columns}) VALUES {values}";
        await _command.ExecuteNonQueryAsync(ct);
        _command.Parameters.Clear();
        for (var i = 0; i < rows.Length; i++)
        {
            _key.SetValue(rows[i], keys[i]);
        }
    }

    public void Dispose() => _command.Dispose();
}
