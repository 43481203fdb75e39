using System.Data.Common;
using System.Reflection;
using EvalBot.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace EvalBot.Features.Classification;

/// <summary>
/// Inserts new rows of one entity type with a single prepared <c>INSERT … RETURNING</c> command reused for every row, in
/// the context's connection and transaction, binding each column through the model's own type mapping (the values are
/// stored exactly as <c>SaveChanges</c> would store them). On SQLite, where <c>SaveChanges</c> sends one command per
/// row, this makes the compile's 100,000 drafts and audit entries several times cheaper to write. Used only for types
/// whose columns are all plain (no database defaults, generated or concurrency columns besides the key); otherwise
/// <see cref="TryCreate"/> answers null and the caller saves through the change tracker.
/// </summary>
internal sealed class RowInserter<T> : IDisposable
    where T : class
{
    private readonly DbCommand _command;
    private readonly (PropertyInfo Clr, RelationalTypeMapping Mapping, bool Nullable, string Name)[] _columns;
    private readonly PropertyInfo _key;

    private RowInserter(DbCommand command, (PropertyInfo, RelationalTypeMapping, bool, string)[] columns, PropertyInfo key)
    {
        _command = command;
        _columns = columns;
        _key = key;
    }

    public static RowInserter<T>? TryCreate(EvalBotDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!db.Database.IsSqlite()) return null;
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
        command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", names.Select(n => $"\"{n}\""))}) VALUES ({string.Join(", ", columns.Select(c => c.Item4))}) RETURNING \"{keyColumn}\"";
        return new RowInserter<T>(command, [.. columns], key.PropertyInfo);
    }

    /// <summary>Inserts the rows in order and sets each one's key.</summary>
    public async Task InsertAsync(IEnumerable<T> rows, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(rows);
        foreach (var row in rows)
        {
            _command.Parameters.Clear();
            foreach (var (clr, mapping, nullable, name) in _columns)
            {
                _command.Parameters.Add(mapping.CreateParameter(_command, name, clr.GetValue(row), nullable));
            }

            var id = await _command.ExecuteScalarAsync(ct);
            _key.SetValue(row, Convert.ToInt64(id, System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    public void Dispose() => _command.Dispose();
}
