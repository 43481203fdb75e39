namespace EvalBot.Features.Organisation;

/// <summary>
/// Which column of a table holds which documented column. Unknown and repeated headers are refused rather than
/// ignored, so a typo in a header cannot silently drop a field.
/// </summary>
public sealed class ColumnMap
{
    private readonly Dictionary<string, (int Index, string Header)> _columns = new(StringComparer.Ordinal);

    private ColumnMap()
    {
    }

    public static (ColumnMap Map, IReadOnlyList<ImportError> Errors) Build(ImportTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var specs = ImportSchema.Columns(table.Kind);
        var byAlias = specs.SelectMany(s => s.Aliases.Prepend(s.Name).Select(a => (Alias: a, s.Name)))
            .ToDictionary(x => x.Alias, x => x.Name, StringComparer.Ordinal);
        var map = new ColumnMap();
        var errors = new List<ImportError>();
        var headerRow = table.HeaderRow;
        for (var i = 0; i < table.Headers.Count; i++)
        {
            var header = table.Headers[i].Trim();
            if (header.Length == 0) continue;
            if (!byAlias.TryGetValue(ImportText.Normalise(header), out var name))
            {
                errors.Add(new ImportError(table.Sheet, headerRow, header, $"Cột '{header}' không thuộc loại {table.Kind.Name()}.", $"Column '{header}' is not a column of {table.Kind.Name()}."));
            }
            else if (!map._columns.TryAdd(name, (i, header)))
            {
                errors.Add(new ImportError(table.Sheet, headerRow, header, $"Cột {name} xuất hiện hai lần.", $"Column {name} appears twice."));
            }
        }

        foreach (var spec in specs.Where(s => s.Required && !map._columns.ContainsKey(s.Name)))
        {
            errors.Add(new ImportError(table.Sheet, headerRow, spec.Name, $"Thiếu cột bắt buộc {spec.Name}.", $"The required column {spec.Name} is missing."));
        }

        return (map, errors);
    }

    public bool Has(string name) => _columns.ContainsKey(name);

    /// <summary>The trimmed cell of the column in the row; empty when the column is absent or the row is short.</summary>
    public string Cell(ImportRow row, string name)
    {
        ArgumentNullException.ThrowIfNull(row);
        return _columns.TryGetValue(name, out var c) && c.Index < row.Cells.Count ? row.Cells[c.Index].Trim() : "";
    }
}
