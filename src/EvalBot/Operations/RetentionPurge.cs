using System.Globalization;
using EvalBot.Auditing;
using EvalBot.Persistence;
using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EvalBot.Operations;

/// <summary>
/// Deletes personal working data older than <see cref="RetentionOptions.Years"/>, in one transaction, and records what
/// it deleted in the audit log. Rows dated by period (reports, targets' feedback) go when their period's year is before
/// the cut-off year; rows with a timestamp go when it is before the cut-off instant. Never touched: people, units,
/// targets, classifications (the legal record) and the audit log (append-only).
/// </summary>
public sealed partial class RetentionPurge(EvalBotDbContext db, AuditLog audit, IOptions<RetentionOptions> options, TimeProvider time, ILogger<RetentionPurge> logger)
{
    public async Task<RetentionResult> RunAsync(string actor, CancellationToken cancellationToken)
    {
        var years = options.Value.Years;
        if (years < 1)
        {
            throw new InvalidOperationException("Retention:Years must be at least 1.");
        }

        var now = time.GetUtcNow();
        var cutoff = now.AddYears(-years);
        var firstKeptYear = cutoff.Year;

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var periods = await db.CheckInReports.Select(r => r.Period).Union(db.Set<FeedbackRequest>().Select(r => r.Period)).Distinct().ToListAsync(cancellationToken);
        var oldPeriods = periods.Where(p => PeriodKey.YearOf(p) is { } year && year < firstKeptYear).ToList();
        var oldReports = db.CheckInReports.Where(r => r.CreatedAt < cutoff || oldPeriods.Contains(r.Period)).Select(r => r.Id);
        var lines = await db.CheckInLines.Where(l => oldReports.Contains(l.ReportId)).ExecuteDeleteAsync(cancellationToken);
        var reports = await db.CheckInReports.Where(r => r.CreatedAt < cutoff || oldPeriods.Contains(r.Period)).ExecuteDeleteAsync(cancellationToken);
        var feedback = await db.Set<FeedbackRequest>().Where(r => oldPeriods.Contains(r.Period)).ExecuteDeleteAsync(cancellationToken);
        var remediation = await db.RemediationItems.Where(r => r.UpdatedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        var outbox = await db.Outbox.Where(o => o.CreatedAt < cutoff && o.Status != OutboxStatus.Pending && o.Status != OutboxStatus.Sending).ExecuteDeleteAsync(cancellationToken);
        var processed = await db.ProcessedActivities.Where(p => p.ProcessedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        // Export grants live minutes; whatever expired is of no use to anyone (they are also cleared when new ones are issued).
        var grants = await db.ExportGrants.Where(g => g.ExpiresAt < now).ExecuteDeleteAsync(cancellationToken);
        var result = new RetentionResult(years, cutoff, reports, lines, feedback, remediation, outbox, processed) { ExportGrants = grants };
        audit.Record(actor, "retention.purge", "retention", cutoff.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), result);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogPurged(logger, years, reports, lines, feedback, remediation, outbox, processed);
        return result;
    }

    [LoggerMessage(EventId = 9101, Level = LogLevel.Information, Message = "Retention ({Years} years) purged {Reports} reports, {Lines} lines, {Feedback} feedback answers, {Remediation} remediation items, {Outbox} outbox rows and {Processed} processed marks")]
    private static partial void LogPurged(ILogger logger, int years, int reports, int lines, int feedback, int remediation, int outbox, int processed);
}

/// <summary>What a purge deleted; the admin API answers it as JSON.</summary>
public sealed record RetentionResult(int Years, DateTimeOffset Cutoff, int Reports, int Lines, int Feedback, int Remediation, int Outbox, int ProcessedActivities)
{
    /// <summary>
    /// Always 0: dialog states were never used and their table is gone. The field stays because the admin API's
    /// retention answer (and the audit entry of each purge) is a stable JSON shape that has always carried it.
    /// </summary>
    public int DialogStates => 0;

    /// <summary>Expired export grants (download links and file consent offers) deleted.</summary>
    public int ExportGrants { get; init; }
}
