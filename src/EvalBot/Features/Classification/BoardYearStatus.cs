using System.Globalization;
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
        // Counts over the whole year from the light rows; the explanation only of the cases shown.
        var rows = await store.CurrentLightAsync(year, cancellationToken);
        if (rows.Count == 0) return new BoardYear(year, false, 0, 0, [], 0, []);
        var lists = rows.GroupBy(r => r.DeciderPersonId).ToList();
        var waiting = rows.Where(r => r.State == ClassificationState.Draft && r.Outcome.NeedsDecision()).OrderBy(r => r.Id).ToList();
        var shownIds = waiting.Take(maxCases).Select(r => r.Id).ToList();
        var shown = shownIds.Count == 0 ? [] : await store.CurrentWhereAsync(year, r => shownIds.Contains(r.Id), tracked: false, cancellationToken);
        var deadline = DateOnly.ParseExact($"{year}-{options.Value.StateDeadline}", "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var overdueLists = clock.Today(now) > deadline
            ? lists.Where(l => l.Any(r => r.State == ClassificationState.Draft)).ToList()
            : [];
        var cases = await CasesAsync(db, shown, language, cancellationToken);
        var ids = overdueLists.Select(l => l.Key ?? 0).ToList();
        var people = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id)).Select(p => new { p.Id, p.FullName, p.UnitId }).ToDictionaryAsync(p => p.Id, cancellationToken);
        var units = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Name, cancellationToken);
        var board = language == "en" ? "Organisation board" : "Ban Tổ chức";
        var overdue = overdueLists.Select(l => new BoardOverdue(
            l.Key is { } head ? people.GetValueOrDefault(head)?.FullName ?? "" : board,
            l.Key is { } h && people.GetValueOrDefault(h) is { } p ? units.GetValueOrDefault(p.UnitId) ?? "" : "",
            l.Count(r => r.State == ClassificationState.Draft),
            TextTable.Date(deadline))).ToList();
        return new BoardYear(year, true, lists.Count, lists.Count(l => l.All(r => r.State == ClassificationState.Decided)), cases, waiting.Count, overdue);
    }

    /// <summary>The cases as the cards show them: name, unit, score and the decisive reason in the reader's language.</summary>
    internal static async Task<List<BoardCase>> CasesAsync(EvalBotDbContext db, IReadOnlyList<ClassificationRecord> rows, string language, CancellationToken cancellationToken)
    {
        var ids = rows.Select(r => r.PersonId).ToList();
        var names = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.FullName, cancellationToken);
        var units = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Name, cancellationToken);
        return [.. rows.Select(r => new BoardCase(
            r.PersonId, names.GetValueOrDefault(r.PersonId) ?? "", units.GetValueOrDefault(r.UnitId) ?? "", r.Score, Explanations.Why(r.ExplanationJson, language)))];
    }
}
