using EvalBot.Auditing;
using EvalBot.Domain;
using EvalBot.Persistence;
using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Features.Classification;

/// <summary>The body of <c>POST /admin/years/{year}/people/{externalId}/rerate</c>.</summary>
/// <param name="Level">HTXS, HTT, HT or KHT.</param>
/// <param name="Reason">Why (required).</param>
/// <param name="By">The competent level deciding it (required), e.g. "Ban Thường vụ Huyện ủy, QĐ 12/QĐ-HU".</param>
/// <param name="Number">The decision's number (optional in the API; required on the board card).</param>
/// <param name="DecidedOn">The decision's date (optional in the API; required on the board card).</param>
public sealed record RerateRequest(string? Level, string? Reason, string? By, string? Number = null, DateOnly? DecidedOn = null);

/// <summary>
/// Re-rating by the competent level (rule 29): a decided row is never changed; a new version is inserted, linked to the
/// old one, decided at once, sealed into the chain and published. On a draft the same call records the authority's
/// decision on a case the rules could not decide, so the head can approve the list.
/// </summary>
public sealed class Rerating(EvalBotDbContext db, HashChain chain, ClassificationPublisher publisher, AuditLog audit, TimeProvider time, Delivery.OutboxSignal signal)
{
    public static Level? ParseLevel(string? text) => text?.Trim().ToUpperInvariant() switch
    {
        "HTXS" or "EXCELLENT" or "0" => Level.Excellent,
        "HTT" or "GOOD" or "1" => Level.Good,
        "HT" or "COMPLETE" or "2" => Level.Complete,
        "KHT" or "NOTCOMPLETE" or "3" => Level.NotComplete,
        _ => null,
    };

    public async Task<(ClassificationRecord? Row, string? Error)> RerateAsync(int year, string externalId, RerateRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (ParseLevel(request.Level) is not { } level) return (null, "level must be HTXS, HTT, HT or KHT");
        if (string.IsNullOrWhiteSpace(request.Reason) || string.IsNullOrWhiteSpace(request.By)) return (null, "reason and by are required");
        var person = await db.People.SingleOrDefaultAsync(p => p.ExternalId == externalId, ct);
        if (person is null) return (null, "unknown person");
        var current = await db.Set<ClassificationRecord>().Where(r => r.PersonId == person.Id && r.Year == year).OrderByDescending(r => r.Version).FirstOrDefaultAsync(ct);
        if (current is null) return (null, "no classification for that year; compile first");
        return (await ApplyAsync(person, current, level, request, $"{AuditLog.AdminActor}:{request.By.Trim()}", time.GetUtcNow(), ct), null);
    }

    /// <summary>
    /// Records the competent level's decision on <paramref name="current"/>: on a draft, the level of a case the rules
    /// could not decide (the head then approves the list); on a decided row, a new decided version. Joins the caller's
    /// transaction (a turn's) or runs in its own.
    /// </summary>
    public async Task<ClassificationRecord> ApplyAsync(Person person, ClassificationRecord current, Level level, RerateRequest request, string actor, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(request);
        var reason = request.Reason!.Trim();
        var decision = new { number = request.Number?.Trim(), date = request.DecidedOn, by = request.By?.Trim() };
        if (current.State == ClassificationState.Draft)
        {
            audit.Record(actor, "classification.authority-decision", "classification", $"{person.ExternalId}/{current.Year}", new { from = current.Level, to = (int)level, reason, decision }, now);
            current.Level = (int)level;
            current.Outcome = ClassificationOutcome.AuthorityDecided;
            current.Reason = reason;
            await db.SaveChangesAsync(ct);
            return current;
        }

        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var next = new ClassificationRecord
        {
            PersonId = current.PersonId, Year = current.Year, Version = current.Version + 1, SupersedesId = current.Id, State = ClassificationState.Draft,
            UnitId = current.UnitId, AgencyUnitId = current.AgencyUnitId, GroupKey = current.GroupKey, DeciderPersonId = current.DeciderPersonId,
            Outcome = ClassificationOutcome.Rerated, Level = (int)level, CompiledLevel = current.CompiledLevel, Score = current.Score,
            RuleSetId = current.RuleSetId, RuleSetVersion = current.RuleSetVersion, ExplanationJson = current.ExplanationJson,
            Reason = reason, CompiledAt = current.CompiledAt,
        };
        db.Add(next);
        await db.SaveChangesAsync(ct);
        next.State = ClassificationState.Decided;
        next.DecidedAt = now;
        next.DecidedBy = actor;
        await chain.SealAsync(next, ct);
        audit.Record(actor, "classification.rerate", "classification", $"{person.ExternalId}/{current.Year}",
            new { from = current.Level, to = (int)level, reason = next.Reason, supersedes = current.Id, version = next.Version, hash = next.Hash, decision }, now);
        await db.SaveChangesAsync(ct);
        await publisher.PublishAsync([next], ct);
        await db.SaveChangesAsync(ct);
        if (transaction is not null) await transaction.CommitAsync(ct);
        signal.Notify();
        return next;
    }
}
