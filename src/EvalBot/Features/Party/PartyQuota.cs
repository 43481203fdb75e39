using System.Globalization;
using System.Text.Json.Nodes;
using EvalBot.Auditing;
using EvalBot.Domain;
using EvalBot.Domain.Quota;
using EvalBot.Persistence;
using EvalBot.Persistence.Entities;
using EvalBot.Protocol;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Features.Party;

/// <summary>
/// Rule 21 under QĐ366 at the decision: within each party organisation and each group of similar role, the HTXS members
/// are at most 20 % of the HTT ones (25 % with the competent level's recorded decision for an outstanding organisation),
/// counting each member at the level of their latest step (decided, proposed, self-rated). A decision of HTXS beyond the
/// cap is refused with the counts, the cap and who is over, ranked by points; the competent level then decides a lower
/// level with a comment, or records the exception decision on the same card.
/// </summary>
public sealed class PartyQuota(EvalBotDbContext db, PartyConditions conditions, AuditLog audit, OrganisationClock clock)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Null when <paramref name="level"/> may be decided for <paramref name="subject"/>; else the refusal to show.</summary>
    public async Task<string?> RefusalAsync(PartySubject subject, Level level, Person me, JsonObject form, TextTable text, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(subject);
        if (level != Level.Excellent || subject.Member is null) return null;
        var r = subject.Rating;
        var (exception, error) = await ExceptionAsync(r, me, form, text, now, ct);
        if (error is not null) return error;
        var ratings = await db.PartyRatings.AsNoTracking()
            .Where(x => x.Year == r.Year && x.PartyOrganisationId == r.PartyOrganisationId && x.PersonId != null && x.Step != PartyRatingStep.Superseded)
            .ToListAsync(ct);
        var candidates = ratings.Select(x => (Rating: x, Level: x.Id == r.Id ? (int)level : x.Level ?? x.ProposedLevel ?? x.SelfLevel))
            .Where(x => x.Level is not null)
            .Select(x => new QuotaCandidate(Key(x.Rating.PersonId!.Value), subject.Organisation.Name, x.Rating.GroupKey, (Level)x.Level!.Value, LatestPoints(x.Rating)))
            .ToList();
        var decision = exception is null ? null : new QuotaExceptionDecision(exception.DecisionNumber, exception.ApprovedBy, exception.DecidedOn);
        var ruleSet = conditions.RuleSetFor(r.Year);
        var outcome = QuotaCheck.Check(candidates, ruleSet, decision);
        if (!outcome.Excess.Any(c => c.PersonId == Key(r.PersonId!.Value))) return null;
        var over = outcome.Scopes.First(s => s.Excess.Any(c => c.PersonId == Key(r.PersonId!.Value)));
        var ids = over.Excess.Select(c => long.Parse(c.PersonId, Invariant)).ToList();
        var names = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.FullName, ct);
        var who = string.Join(", ", ids.Select(i => names.GetValueOrDefault(i, "?")));
        var percent = exception is not null && ruleSet.Quota.ExceptionPercent is { } allowed ? allowed : ruleSet.Quota.Percent;
        return text.Format(exception is null ? "partyErrQuota" : "partyErrQuotaException",
            subject.Organisation.Name, over.Excellent, over.Cap, text.Number(percent), over.Good, who, exception?.DecisionNumber ?? "");
    }

    /// <summary>The organisation's recorded exception; one given on the form (a number and a date) is recorded first, approved by the decider.</summary>
    private async Task<(PartyQuotaDecision? Exception, string? Error)> ExceptionAsync(PartyRating r, Person me, JsonObject form, TextTable text, DateTimeOffset now, CancellationToken ct)
    {
        var existing = await db.PartyQuotaDecisions.SingleOrDefaultAsync(e => e.PartyOrganisationId == r.PartyOrganisationId && e.Year == r.Year, ct);
        var number = JsonRead.Text(form, "party.exceptionNumber")?.Trim();
        if (string.IsNullOrEmpty(number)) return (existing, null);
        if (number.Length > 128
            || !DateOnly.TryParseExact(JsonRead.Text(form, "party.exceptionDate")?.Trim(), "yyyy-MM-dd", Invariant, DateTimeStyles.None, out var on)
            || on.Year < r.Year || on > clock.Today(now))
        {
            return (existing, text["partyErrException"]);
        }

        var actor = me.AadObjectId ?? me.ExternalId;
        var row = existing ?? db.PartyQuotaDecisions.Add(new PartyQuotaDecision
        {
            PartyOrganisationId = r.PartyOrganisationId, Year = r.Year, DecisionNumber = number, ApprovedBy = me.FullName, RecordedBy = actor,
        }).Entity;
        (row.DecisionNumber, row.DecidedOn, row.ApprovedBy, row.RecordedBy, row.RecordedAt) = (number, on, me.FullName, actor, now);
        audit.Record(actor, "party.quota-exception", "party-organisation", r.PartyOrganisationId.ToString(Invariant), new { year = r.Year, decision = number, on }, now);
        return (row, null);
    }

    private static string Key(long personId) => personId.ToString(Invariant);

    /// <summary>The points of the latest step that gave them: verified, else self-rated.</summary>
    public static decimal? LatestPoints(PartyRating r) =>
        r.VerifiedGeneral is { } vg && r.VerifiedTask is { } vt ? vg + vt
        : r.SelfGeneral is { } g && r.SelfTask is { } t ? g + t
        : null;
}
