namespace EvalBot.Features.Organisation;

/// <summary>Refuses a parent or leader chain that comes back to where it started once the file's edges replace the stored ones.</summary>
public static class Cycles
{
    public static void Check(
        IEnumerable<(RowLocation At, string Id, string? Next)> edges, Dictionary<string, string?> stored,
        string column, string whatVi, string whatEn, List<ImportError> errors)
    {
        ArgumentNullException.ThrowIfNull(edges);
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(errors);
        var rows = edges.ToList();
        var next = new Dictionary<string, string?>(stored, StringComparer.Ordinal);
        foreach (var (_, id, to) in rows) next[id] = to;
        foreach (var (at, id, _) in rows)
        {
            var path = new List<string> { id };
            var current = next.GetValueOrDefault(id);
            while (current is not null && path.Count <= next.Count)
            {
                path.Add(current);
                if (current == id)
                {
                    var chain = string.Join(" → ", path);
                    errors.Add(ImportError.At(at, column, $"Vòng lặp {whatVi}: {chain}.", $"Cycle in {whatEn}: {chain}."));
                    break;
                }

                current = next.GetValueOrDefault(current);
            }
        }
    }
}
