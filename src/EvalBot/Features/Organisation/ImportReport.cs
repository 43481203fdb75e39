namespace EvalBot.Features.Organisation;

/// <summary>What an import did: per kind, how many rows created, updated in place, or left as they were.</summary>
/// <param name="Format"><c>csv</c> or <c>xlsx</c>.</param>
/// <param name="Kinds">One entry per kind in the file, in application order.</param>
public sealed record ImportReport(string Format, IReadOnlyList<KindCounts> Kinds)
{
    public KindCounts? For(ImportKind kind) => Kinds.FirstOrDefault(k => k.Kind == kind.Name());
}

/// <summary>The counts of one kind.</summary>
public sealed record KindCounts(string Kind, int Created, int Updated, int Unchanged);

/// <summary>The outcome of an import: a report when it was applied, or the errors when nothing was written.</summary>
public sealed record ImportResult(ImportReport? Report, IReadOnlyList<ImportError> Errors)
{
    public bool Succeeded => Report is not null;

    public static ImportResult Failed(IReadOnlyList<ImportError> errors) => new(null, errors);
}

/// <summary>The body of a 400 answer: the first <see cref="ImportLimits.MaxReportedErrors"/> errors and their total.</summary>
public sealed record ImportErrorReport(int ErrorCount, IReadOnlyList<ImportError> Errors);
