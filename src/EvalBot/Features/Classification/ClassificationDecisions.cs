using EvalBot.Auditing;
using EvalBot.Domain;
using EvalBot.Persistence;
using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Features.Classification;

/// <summary>Why an approval was refused, as a string key of the classification strings and its arguments.</summary>
public sealed record Refusal(string Key, params object[] Args)
{
    /// <summary>Rules 23 and 37: each person whose review steps are not complete, with what is missing, in both languages.</summary>
    public IReadOnlyList<(string Name, Domain.Review.ReviewRefusal Why)> People { get; init; } = [];

    /// <summary>The refusal in the reader's language: the line of <see cref="Key"/>, then one line per person.</summary>
    public string Text(TextTable text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var head = text.Format(Key, Args);
        return People.Count == 0 ? head
            : head + "\n" + string.Join("\n", People.Select(p => $"- {p.Name}: {(text.Language == "en" ? p.Why.TextEn : p.Why.TextVi)}"));
    }
}

/// <summary>
/// The head's decisions on a draft list: approve (refused while over quota or while a case needs the authority),
/// demote over-quota candidates to HTT with a reason, record the exception decision (25 % cap). Approval seals each row
/// into the hash chain and publishes it. Every level change is audited.
/// </summary>
public sealed class ClassificationDecisions(
    EvalBotDbContext db, DecisionCard card, HashChain chain, ClassificationPublisher publisher, ClassificationStore store, AuditLog audit,
    OrganisationClock clock, ReviewSteps steps, Microsoft.Extensions.Options.IOptions<ClassificationOptions> options)
{
    public async Task<Refusal?> ApproveAsync(long? deciderId, int year, string actor, DateTimeOffset now, CancellationToken ct)
    {
        var (rows, quotas) = await card.LoadAsync(deciderId, year, ct);
        var drafts = rows.Where(r => r.State == ClassificationState.Draft).ToList();
        if (drafts.Count == 0) return new Refusal("classNothingToApprove", year);
        if (drafts.Any(r => r.Outcome.NeedsDecision()))
            return new Refusal("classRefusedFlagged", drafts.Count(r => r.Outcome.NeedsDecision()));
        // The excess is the lowest-ranked HTXS beyond each cap, agency-wide; a list may be finalised once none of its own people is in it,
        // since the others' excess is for their own deciders and the people ranked above the cap keep their level either way.
        var over = drafts.Count(r => quotas.Any(q => q.IsOver(r.PersonId)));
        if (over > 0) return new Refusal("classRefusedQuota", over);
        if (await StepsMissingAsync(drafts, year, now, ct) is { } missing) return missing;

        foreach (var row in drafts.OrderBy(r => r.Id))
        {
            row.State = ClassificationState.Decided;
            row.DecidedAt = now;
            row.DecidedBy = actor;
            await chain.SealAsync(row, ct);
            audit.Record(actor, "classification.decide", "classification", $"{row.PersonId}/{year}", new { level = row.Level, score = row.Score, version = row.Version, hash = row.Hash });
        }

        await db.SaveChangesAsync(ct);
        await publisher.PublishAsync(drafts, ct);
        await db.SaveChangesAsync(ct);
        return null;
    }

    /// <summary>Rules 23 and 37: the refusal naming, per person, the first review step or required opinion missing; null when none is.</summary>
    private async Task<Refusal?> StepsMissingAsync(List<ClassificationRecord> drafts, int year, DateTimeOffset now, CancellationToken ct)
    {
        if (options.Value.RequireReviewSteps == false) return null;
        var states = await steps.ForAsync(drafts, year, now, ct);
        var waiting = states.Values.Where(s => s.Waits(options.Value.RequireReviewSteps)).ToList();
        if (waiting.Count == 0) return null;
        var ids = waiting.Select(s => s.PersonId).ToList();
        var names = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.FullName, ct);
        return new Refusal("classRefusedSteps", waiting.Count)
        {
            People = [.. waiting.OrderBy(s => names.GetValueOrDefault(s.PersonId), StringComparer.Ordinal).Select(s => (names.GetValueOrDefault(s.PersonId, "?"), s.Refusal!))],
        };
    }

    public async Task<Refusal?> DemoteAsync(long? deciderId, int year, IReadOnlyCollection<long> personIds, string reason, string actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(personIds);
        if (string.IsNullOrWhiteSpace(reason)) return new Refusal("classErrReason");
        if (personIds.Count == 0) return new Refusal("classErrPick");
        var rows = await store.ListOfAsync(deciderId, year, ct);
        var picked = rows.Where(r => personIds.Contains(r.PersonId)).ToList();
        if (picked.Count != personIds.Count || picked.Any(r => r.State != ClassificationState.Draft || r.Level != (int)Level.Excellent))
            return new Refusal("classErrPick");
        foreach (var row in picked)
        {
            row.Level = (int)Level.Good;
            row.Reason = reason.Trim();
            audit.Record(actor, "classification.demote", "classification", $"{row.PersonId}/{year}", new { from = (int)Level.Excellent, to = (int)Level.Good, reason = row.Reason });
        }

        await db.SaveChangesAsync(ct);
        return null;
    }

    /// <summary>
    /// Records the competent authority's decision allowing 25 % for the agencies of the actor's list. Only the head of
    /// each of those agencies may record or change it; the decision date must fall in the year rated (or after it) and
    /// not after today. A change of a recorded decision is audited with the decision it replaces.
    /// </summary>
    public async Task<Refusal?> RecordExceptionAsync(long? deciderId, long actorPersonId, int year, string number, DateOnly? date, string approver, string actor, DateTimeOffset now, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(number) || string.IsNullOrWhiteSpace(approver) || date is null) return new Refusal("classErrException");
        var today = clock.Today(now);
        if (date.Value.Year < year || date.Value > today) return new Refusal("classErrExceptionDate", year, TextTable.Date(today));
        var agencies = (await store.ListOfAsync(deciderId, year, ct)).Select(r => r.AgencyUnitId).Distinct().ToList();
        if (agencies.Count == 0) return new Refusal("classNothingToApprove", year);
        var heads = await db.Units.Where(u => agencies.Contains(u.Id)).Select(u => u.HeadPersonId).ToListAsync(ct);
        if (heads.Count != agencies.Count || heads.Any(h => h != actorPersonId)) return new Refusal("classErrExceptionNotHead");
        foreach (var agency in agencies)
        {
            var row = await store.ExceptionAsync(agency, year, ct);
            var previous = row is null ? null : new { number = row.DecisionNumber, date = row.DecidedOn, approvedBy = row.ApprovedBy, recordedBy = row.RecordedBy, recordedAt = row.RecordedAt };
            if (row is null)
            {
                row = new QuotaExceptionRecord { AgencyUnitId = agency, Year = year, DecisionNumber = "", ApprovedBy = "", RecordedBy = actor };
                db.Add(row);
            }

            row.DecisionNumber = number.Trim();
            row.ApprovedBy = approver.Trim();
            row.DecidedOn = date.Value;
            row.RecordedBy = actor;
            row.RecordedAt = now;
            audit.Record(actor, previous is null ? "classification.exception" : "classification.exception.change", "quota", $"{agency}/{year}",
                new { number = row.DecisionNumber, date = row.DecidedOn, approvedBy = row.ApprovedBy, replaces = previous });
        }

        await db.SaveChangesAsync(ct);
        return null;
    }
}
