using System.Globalization;
using System.Linq.Expressions;
using EvalBot.Core;
using EvalBot.Persistence;
using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EvalBot.Features.Classification;

/// <summary>
/// The year as the board card shows it (<see cref="IBoardYearStatus"/>): compiled or not, decision lists decided, the
/// drafts the rules could not decide (waiting for the competent level) with the decisive reason in words, and the
/// deciders still undecided after the state deadline (<see cref="ClassificationOptions.StateDeadline"/>, 15 December).
/// </summary>
public sealed class BoardYearStatus(ClassificationStore store, EvalBotDbContext db, OrganisationClock clock, IOptions<ClassificationOptions> options) : IBoardYearStatus
{
    public async Task<BoardYear> ForAsync(int year, DateTimeOffset now, string language, int maxCases, CancellationToken cancellationToken)
    {
        // Counted in the database by list, state and outcome; only the cases shown are read, with their explanation.
        var counts = await store.CountsAsync(year, cancellationToken);
        if (counts.Count == 0) return new BoardYear(year, false, 0, 0, [], 0, []);
        // The lists in the order of their first row, as compiled.
        var lists = counts.GroupBy(c => c.DeciderPersonId).OrderBy(l => l.Min(c => c.FirstId)).ToList();
        var waiting = counts.Where(c => c.State == ClassificationState.Draft && c.Outcome.NeedsDecision()).Sum(c => c.Count);
        var shownIds = waiting == 0 || maxCases <= 0 ? [] : await store.FirstIdsAsync(year, WaitingForDecision, maxCases, cancellationToken);
        var shown = shownIds.Count == 0 ? [] : await store.CurrentWhereAsync(year, r => shownIds.Contains(r.Id), tracked: false, cancellationToken);
        var deadline = DateOnly.ParseExact($"{year}-{options.Value.StateDeadline}", "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var overdueLists = clock.Today(now) > deadline
            ? lists.Where(l => l.Any(c => c.State == ClassificationState.Draft)).ToList()
            : [];
        var cases = await CasesAsync(db, shown, language, cancellationToken);
        var ids = overdueLists.Select(l => l.Key ?? 0).ToList();
        var people = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id)).Select(p => new { p.Id, p.FullName, p.UnitId }).ToDictionaryAsync(p => p.Id, cancellationToken);
        var units = await UnitNamesAsync(db, people.Values.Select(p => p.UnitId), cancellationToken);
        var board = language == "en" ? "Organisation board" : "Ban Tổ chức";
        var overdue = overdueLists.Select(l => new BoardOverdue(
            l.Key is { } head ? people.GetValueOrDefault(head)?.FullName ?? "" : board,
            l.Key is { } h && people.GetValueOrDefault(h) is { } p ? units.GetValueOrDefault(p.UnitId) ?? "" : "",
            l.Where(c => c.State == ClassificationState.Draft).Sum(c => c.Count),
            TextTable.Date(deadline))).ToList();
        return new BoardYear(year, true, lists.Count, lists.Count(l => l.All(c => c.State == ClassificationState.Decided)), cases, waiting, overdue);
    }

    /// <summary>
    /// A draft whose outcome <see cref="ClassificationOutcomes.NeedsDecision"/>, as a filter the database runs: one
    /// comparison per such outcome, so it reads the same on SQLite and PostgreSQL.
    /// </summary>
    private static readonly Expression<Func<ClassificationRecord, bool>> WaitingForDecision = BuildWaitingForDecision();

    private static Expression<Func<ClassificationRecord, bool>> BuildWaitingForDecision()
    {
        var row = Expression.Parameter(typeof(ClassificationRecord), "r");
        var outcome = Expression.Property(row, nameof(ClassificationRecord.Outcome));
        var anyOutcome = Enum.GetValues<ClassificationOutcome>().Where(o => o.NeedsDecision())
            .Select(o => (Expression)Expression.Equal(outcome, Expression.Constant(o)))
            .Aggregate(Expression.OrElse);
        var draft = Expression.Equal(Expression.Property(row, nameof(ClassificationRecord.State)), Expression.Constant(ClassificationState.Draft));
        return Expression.Lambda<Func<ClassificationRecord, bool>>(Expression.AndAlso(draft, anyOutcome), row);
    }

    /// <summary>The cases as the cards show them: name, unit, score and the decisive reason in the reader's language.</summary>
    internal static async Task<List<BoardCase>> CasesAsync(EvalBotDbContext db, IReadOnlyList<ClassificationRecord> rows, string language, CancellationToken cancellationToken)
    {
        var ids = rows.Select(r => r.PersonId).ToList();
        var names = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.FullName, cancellationToken);
        var units = await UnitNamesAsync(db, rows.Select(r => r.UnitId), cancellationToken);
        return [.. rows.Select(r => new BoardCase(
            r.PersonId, names.GetValueOrDefault(r.PersonId) ?? "", units.GetValueOrDefault(r.UnitId) ?? "", r.Score, Explanations.Why(r.ExplanationJson, language)))];
    }

    /// <summary>The names of the units named, read by id: a province has thousands of units, and a card names a few.</summary>
    private static async Task<Dictionary<long, string>> UnitNamesAsync(EvalBotDbContext db, IEnumerable<long> unitIds, CancellationToken cancellationToken)
    {
        var ids = unitIds.Distinct().ToList();
        return ids.Count == 0 ? [] : await db.Units.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, cancellationToken);
    }
}
