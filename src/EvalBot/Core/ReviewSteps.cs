using EvalBot.Domain.Records;
using EvalBot.Domain.Review;
using EvalBot.Domain.RuleSets;
using EvalBot.Persistence;
using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Core;

/// <summary>Where one person's annual review stands: the steps of their rule-set, when each was taken, the transfer checklist, and why the decision waits.</summary>
/// <param name="PersonId">The person.</param>
/// <param name="Steps">The rule-set's steps for them, in order (empty when the rule-set has no procedure).</param>
/// <param name="Done">When each step was taken.</param>
/// <param name="OldUnitCommentRequired">A transfer in the year asks for the old unit's written comment (rules 20, 37).</param>
/// <param name="HasOldUnitComment">That comment is recorded.</param>
/// <param name="Refusal">Why the decision may not be taken now; null when it may.</param>
/// <param name="HeldInTeams">
/// The review of the year of the person's unit is held in EvalBot: its meeting is opened, or a self-assessment or an
/// opinion on one of its people is recorded.
/// </param>
public sealed record PersonReviewState(
    long PersonId, IReadOnlyList<ReviewStep> Steps, IReadOnlyDictionary<ReviewStep, DateTimeOffset> Done, bool OldUnitCommentRequired, bool HasOldUnitComment,
    ReviewRefusal? Refusal, bool HeldInTeams = false)
{
    /// <summary>
    /// Whether the decision waits for the steps (<c>Classification:RequireReviewSteps</c>): always when on, never when off,
    /// and when unset, once the review of the person's unit is held in EvalBot (a unit that keeps it on paper is not blocked).
    /// </summary>
    public bool Waits(bool? requireSteps) => Refusal is not null && (requireSteps ?? HeldInTeams);
}

/// <summary>
/// Rules 23 and 37 read from the database: for the rows of a list, the timestamps of each person's review steps (the
/// self-assessment, the unit's meeting once its minutes are approved, the recorded opinions, ND335's confirmed period
/// records) and the old unit's comment after a transfer. A row that is not rated (too little time in the year) is not
/// checked; a rule-set without a procedure (QD366) asks nothing.
/// </summary>
public sealed class ReviewSteps(EvalBotDbContext db, RuleSetCatalog catalog)
{
    /// <summary>The state of every row's person, by person id.</summary>
    public async Task<Dictionary<long, PersonReviewState>> ForAsync(IReadOnlyCollection<ClassificationRecord> rows, int year, DateTimeOffset decidingAt, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var ids = rows.Select(r => r.PersonId).Distinct().ToList();
        var unitIds = rows.Select(r => r.UnitId).Distinct().ToList();
        var people = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id)).Select(p => new { p.Id, p.IsLeader, p.HiredOn }).ToDictionaryAsync(p => p.Id, ct);
        var selves = await db.ReviewSelfAssessments.AsNoTracking().Where(s => ids.Contains(s.PersonId) && s.Year == year).ToDictionaryAsync(s => s.PersonId, s => s.SubmittedAt, ct);
        var opened = await db.ReviewMeetings.AsNoTracking().Where(m => unitIds.Contains(m.UnitId) && m.Year == year).Select(m => new { m.UnitId, m.ApprovedAt }).ToListAsync(ct);
        var meetings = opened.Where(m => m.ApprovedAt is not null).ToDictionary(m => m.UnitId, m => m.ApprovedAt!.Value);
        var opinions = (await db.ReviewOpinions.AsNoTracking().Where(o => ids.Contains(o.PersonId) && o.Year == year).ToListAsync(ct)).ToLookup(o => o.PersonId);
        var prefix = year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var monitoring = (await db.CheckInReports.AsNoTracking()
                .Where(r => ids.Contains(r.PersonId) && r.IsCurrent && r.Period.StartsWith(prefix) && (r.Status == CheckInStatus.Confirmed || r.Status == CheckInStatus.Adjusted))
                .Select(r => new { r.PersonId, At = r.ReviewedAt ?? r.SubmittedAt ?? r.CreatedAt }).ToListAsync(ct))
            .GroupBy(r => r.PersonId).ToDictionary(g => g.Key, g => g.Max(r => r.At));
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        var transfers = (await db.Transfers.AsNoTracking().Where(t => ids.Contains(t.PersonId) && t.Date >= from && t.Date <= to).ToListAsync(ct)).ToLookup(t => t.PersonId);
        var oldUnits = transfers.SelectMany(g => g).Select(t => t.FromUnitExternalId).Distinct().ToList();
        var existing = (await db.Units.AsNoTracking().Where(u => oldUnits.Contains(u.ExternalId)).Select(u => u.ExternalId).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);

        var held = (await StartedAsync(unitIds, year, ct)).Concat(opened.Select(m => m.UnitId)).ToHashSet();
        var result = new Dictionary<long, PersonReviewState>();
        foreach (var row in rows)
        {
            var ruleSet = catalog.Find(row.RuleSetId);
            var steps = row.Outcome == ClassificationOutcome.NotRated || ruleSet?.Procedure is null ? [] : ruleSet.Procedure.For(people.TryGetValue(row.PersonId, out var who) && who.IsLeader);
            var done = new Dictionary<ReviewStep, DateTimeOffset>();
            if (selves.TryGetValue(row.PersonId, out var self)) done[ReviewStep.SelfAssessment] = self;
            if (meetings.TryGetValue(row.UnitId, out var meeting)) done[ReviewStep.Meeting] = meeting;
            if (monitoring.TryGetValue(row.PersonId, out var monitored)) done[ReviewStep.MonitoringRecords] = monitored;
            foreach (var o in opinions[row.PersonId])
            {
                if (o.Kind == ReviewOpinionKind.PartyCommittee) done[ReviewStep.PartyCommitteeComment] = o.RecordedAt;
                if (o.Kind == ReviewOpinionKind.AdvisoryProposal) done[ReviewStep.AdvisoryProposal] = o.RecordedAt;
            }

            var hasComment = opinions[row.PersonId].Any(o => o.Kind == ReviewOpinionKind.OldUnit);
            var months = ruleSet?.TimeInYear.OldUnitCommentRequiredFromMonths;
            var moves = transfers[row.PersonId].OrderBy(t => t.Date).ToList();
            var starts = Employment.OldUnitStarts(people.GetValueOrDefault(row.PersonId)?.HiredOn, [.. moves.Select(t => t.Date)], year);
            var files = row.Outcome == ClassificationOutcome.NotRated ? [] : moves.Zip(starts)
                .Select(x => new TransferFile(PersonYearBuilder.MonthsInYear(x.Second, x.First.Date.AddDays(-1), year), existing.Contains(x.First.FromUnitExternalId), hasComment)).ToList();
            var required = files.Any(f => ReviewOpinions.OldUnitCommentRequired(f, months));
            var refusal = steps.Count == 0 ? null : ReviewProcedure.MayDecide(steps, done, decidingAt);
            refusal ??= files.Select(f => ReviewOpinions.MayDecide(f, months)).FirstOrDefault(r => r is not null);
            result[row.PersonId] = new PersonReviewState(row.PersonId, steps, done, required, hasComment, refusal, held.Contains(row.UnitId));
        }

        return result;
    }

    /// <summary>The units of the list where a self-assessment or an opinion of the year is recorded for one of the people.</summary>
    private Task<List<long>> StartedAsync(List<long> unitIds, int year, CancellationToken ct) => db.Set<ClassificationRecord>().AsNoTracking()
        .Where(r => r.Year == year && unitIds.Contains(r.UnitId)
            && (db.ReviewSelfAssessments.Any(s => s.PersonId == r.PersonId && s.Year == year) || db.ReviewOpinions.Any(o => o.PersonId == r.PersonId && o.Year == year)))
        .Select(r => r.UnitId).Distinct().ToListAsync(ct);
}
