using EvalBot.Domain;
using EvalBot.Domain.Classification;

namespace EvalBot.Features.Classification;

/// <summary>
/// What one compile run carries from person to person and slice to slice: the levels and line totals later leaders'
/// unit results read, the short "why" of every row compiled (for the report and the cards), and how many rows changed.
/// </summary>
internal sealed class CompileRun(int year, string actor, CompileChunks chunks, OrgTree tree, IReadOnlyDictionary<long, string> groups, DateTimeOffset now, DateOnly reviewDate)
{
    // Many people share the same reason (same rule, same numbers): one string each.
    private readonly Dictionary<string, string> _whyPool = new(StringComparer.Ordinal);

    public int Year { get; } = year;

    public string Actor { get; } = actor;

    public CompileChunks Chunks { get; } = chunks;

    public OrgTree Tree { get; } = tree;

    /// <summary>The compile's instant (every draft's CompiledAt) and the review date in the organisation's time zone.</summary>
    public DateTimeOffset Now { get; } = now;

    public DateOnly ReviewDate { get; } = reviewDate;

    public ILookup<long, Persistence.Entities.Person> PeopleByUnit { get; } = chunks.People.ToLookup(p => p.UnitId);

    /// <summary>Each compiled or decided person's level, for the unit results of the leaders above them.</summary>
    public Dictionary<long, Level?> Levels { get; } = [];

    /// <summary>Each person's line totals, kept for the leaders' unit results once their slice is let go.</summary>
    public Dictionary<long, LineTotals> Totals { get; } = [];

    /// <summary>
    /// The short "why" of every row compiled, by row id, and its score as compiled (the cards' dedupe fingerprint formats
    /// the score as held in memory, scale included).
    /// </summary>
    public Dictionary<long, (string Why, decimal? Score)> CompiledById { get; } = [];

    public int Changed { get; set; }

    /// <summary>The last pipelined slice's writes on the compile's context, still running while the next slice compiles.</summary>
    public Task PendingWrite { get; set; } = Task.CompletedTask;

    /// <summary>The person's task group for the quota, or "—".</summary>
    public string GroupOf(Persistence.Entities.Person person) =>
        person.TaskGroupId is { } g && groups.TryGetValue(g, out var name) ? name : "—";

    /// <summary>The result's short "why", one shared string per distinct reason.</summary>
    public string Why(ClassificationResult result)
    {
        var why = Explanations.WhyOnly(result.Applications.Concat(result.MissingPrerequisites));
        return _whyPool.TryGetValue(why, out var shared) ? shared : _whyPool[why] = why;
    }
}
