namespace EvalBot.Features.Organisation;

/// <summary>
/// Applies values to one entity and remembers whether any differed, so re-importing the same file reports
/// "unchanged" and writes nothing. Assignments that need database ids of rows created by the same import are
/// deferred until those rows are saved.
/// </summary>
public sealed class ChangeSet(List<Action> deferred)
{
    public bool Changed { get; private set; }

    public void MarkChanged() => Changed = true;

    public void Set<T>(T current, T value, Action<T> assign)
    {
        ArgumentNullException.ThrowIfNull(assign);
        if (EqualityComparer<T>.Default.Equals(current, value)) return;
        assign(value);
        Changed = true;
    }

    public void Set<T>(T current, Maybe<T> value, Action<T> assign)
    {
        if (value.Present) Set(current, value.Value, assign);
    }

    /// <summary>A reference compared by external id and assigned after the first save.</summary>
    public void Reference(string? current, Maybe<string?> value, Action<string?> assignLater)
    {
        if (!value.Present || string.Equals(current, value.Value, StringComparison.Ordinal)) return;
        Changed = true;
        deferred.Add(() => assignLater(value.Value));
    }
}

/// <summary>Created / updated / unchanged per kind.</summary>
public sealed class ImportCounts
{
    private readonly SortedDictionary<ImportKind, int[]> _counts = [];

    public void Add(ImportKind kind, bool created, bool changed)
    {
        if (!_counts.TryGetValue(kind, out var c)) _counts[kind] = c = new int[3];
        c[created ? 0 : changed ? 1 : 2]++;
    }

    public ImportReport Report(string format, IEnumerable<ImportKind> kinds)
    {
        foreach (var kind in kinds) _counts.TryAdd(kind, new int[3]);
        return new ImportReport(format, _counts.Select(kv => new KindCounts(kv.Key.Name(), kv.Value[0], kv.Value[1], kv.Value[2])).ToList());
    }
}
