using EvalBot.Cards;
using System.Text.Json;
using EvalBot.Persistence;
using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Features.FollowUps;

/// <summary>An open follow-up as people read it: who it is about, what must be considered and why, by when, and who holds it.</summary>
public sealed record FollowUpLine(FollowUpTask Task, string Person, string Unit, string Kind, string Grounds, string Due, bool Overdue, string Holder);

/// <summary>
/// The open follow-ups (<see cref="FollowUpTask"/>) a holder sees (their own) or the organisation board sees (all, and
/// those nobody holds), the nearest due first, worded in the reader's language.
/// </summary>
public sealed class FollowUpList(EvalBotDbContext db, CardTemplates templates, OrganisationClock clock)
{
    /// <summary>The open tasks held by <paramref name="holderId"/>, or every open task when null (the board).</summary>
    public Task<List<FollowUpTask>> OpenAsync(long? holderId, CancellationToken ct) =>
        db.FollowUpTasks.AsNoTracking().Where(t => t.ClosedAt == null && (holderId == null || t.HolderPersonId == holderId))
            .OrderBy(t => t.DueOn).ThenBy(t => t.Id).ToListAsync(ct);

    /// <summary>Whether <paramref name="me"/> may record the decision of <paramref name="task"/>: its holder, or the board when nobody holds it.</summary>
    public static bool MayClose(Person me, FollowUpTask task)
    {
        ArgumentNullException.ThrowIfNull(me);
        ArgumentNullException.ThrowIfNull(task);
        return task.HolderPersonId is { } holder ? holder == me.Id && task.PersonId != me.Id : me.IsOrganisationBoard && task.PersonId != me.Id;
    }

    public async Task<List<FollowUpLine>> WordAsync(IReadOnlyList<FollowUpTask> tasks, string language, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        var text = new TextTable(templates, language);
        var ids = tasks.Select(t => t.PersonId).Concat(tasks.Where(t => t.HolderPersonId != null).Select(t => t.HolderPersonId!.Value)).Distinct().ToList();
        var people = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new { p.Id, p.FullName, Unit = p.Unit == null ? "" : p.Unit.Name }).ToDictionaryAsync(p => p.Id, ct);
        var today = clock.Today(now);
        return [.. tasks.Select(t =>
        {
            var person = people.GetValueOrDefault(t.PersonId);
            var overdue = t.DueOn < today;
            var holder = t.HolderPersonId is { } h && people.TryGetValue(h, out var holderPerson)
                ? text.Format("fuHolder", holderPerson.FullName)
                : text["fuHolderBoard"];
            return new FollowUpLine(t, person?.FullName ?? "", person?.Unit ?? "", text["fuKind." + t.Kind],
                text.Format(t.GroundsKey, [.. JsonSerializer.Deserialize<string[]>(t.GroundsArgsJson) ?? []]),
                overdue ? text.Format("fuOverdue", TextTable.Date(t.DueOn.AddDays(1))) : text.Format("fuDue", TextTable.Date(t.DueOn)), overdue, holder);
        })];
    }
}
