using EvalBot.Domain.Calendar;
using EvalBot.Domain.Records;
using EvalBot.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Features.CheckIns.Campaigns;

/// <summary>
/// Works out, from the current time alone, which campaign steps are due and runs them: the current and previous
/// period of each period kind in use, plus any campaign still open. A step runs until it has recorded that it finished,
/// so a tick that crashed is simply completed by the next one.
/// </summary>
public sealed partial class CampaignTicker(EvalBotDbContext db, CampaignRunner runner, CampaignCalendar calendar, TimeProvider time, ILogger<CampaignTicker> logger)
{
    public async Task<IReadOnlyList<CampaignStepResult>> TickAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var results = new List<CampaignStepResult>();
        foreach (var period in await CandidatesAsync(now, cancellationToken))
        {
            try
            {
                results.AddRange(await RunDueStepsAsync(period, now, cancellationToken));
            }
            catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or ArgumentException or System.Data.Common.DbException)
            {
                // One period's trouble must not hold back the others; the next tick retries it.
                LogPeriodFailed(logger, period.Label, ex);
                db.ChangeTracker.Clear();
            }
        }

        return results;
    }

    private async Task<List<CampaignStepResult>> RunDueStepsAsync(Period period, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var results = new List<CampaignStepResult>();
        var campaign = await db.CheckInCampaigns.AsNoTracking().SingleOrDefaultAsync(c => c.Period == period.Label, cancellationToken);
        if (campaign is null)
        {
            var planned = calendar.Scheduled(period, calendar.CampaignZone);
            if (now < planned.Opens.At || now >= planned.Closes.At)
            {
                return results;
            }

            LogOpening(logger, period.Label);
            results.Add(await runner.OpenAsync(period.Label, "schedule", cancellationToken, now));
            return results;
        }

        if (campaign.ClosedAt is not null)
        {
            return results;
        }

        if (campaign.PromptsQueuedAt is null)
        {
            LogResuming(logger, period.Label);
            results.Add(await runner.OpenAsync(period.Label, campaign.OpenedBy, cancellationToken, now));
        }

        var done = (await db.AuditLog.AsNoTracking()
            .Where(a => a.EntityType == CampaignKeys.AuditEntity && a.EntityId == period.Label)
            .Select(a => a.Action).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var due = calendar.ForCampaign(period, campaign.OpenedAt, calendar.CampaignZone).Steps
            .Where(s => s.Kind != CampaignStepKind.Open && s.At <= now && !done.Contains(CampaignKeys.StepDone(StepName(s))))
            .ToList();
        if (due.Any(s => s.Kind == CampaignStepKind.Close))
        {
            results.Add(await runner.CloseAsync(period.Label, cancellationToken, now));
            return results;
        }

        // After downtime several reminders may be due at once: only the latest is sent, nobody gets two at a time,
        // and an earlier one is never sent after a later one.
        var lastSent = due.Count == 0 ? 0 : calendar.Settings.ReminderDays.Select((_, i) => i + 1)
            .Where(n => done.Contains(CampaignKeys.StepDone(CampaignKeys.ReminderStep(n)))).DefaultIfEmpty(0).Max();
        var reminder = due.LastOrDefault(s => s.Kind == CampaignStepKind.Reminder && s.Number > lastSent);
        if (reminder is not null)
        {
            results.Add(await runner.RemindAsync(period.Label, reminder.Number, cancellationToken, now));
        }

        foreach (var escalation in due.Where(s => s.Kind is CampaignStepKind.EscalateToLeader or CampaignStepKind.EscalateToHead))
        {
            results.Add(await runner.EscalateAsync(period.Label, escalation.Kind == CampaignStepKind.EscalateToLeader ? 1 : 2, cancellationToken, now));
        }

        return results;
    }

    private async Task<List<Period>> CandidatesAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var kinds = await db.People.AsNoTracking().Where(p => p.IsActive).Select(p => p.Unit!.PeriodKind).Distinct().ToListAsync(cancellationToken);
        var open = await db.CheckInCampaigns.AsNoTracking().Where(c => c.ClosedAt == null).Select(c => c.Period).ToListAsync(cancellationToken);
        var labels = new SortedSet<string>(open, StringComparer.Ordinal);
        foreach (var kind in kinds.Select(CampaignAudience.KindOf).Distinct())
        {
            var current = calendar.PeriodAt(kind, now);
            labels.Add(current.Label);
            labels.Add(current.Previous().Label);
        }

        return [.. labels.Select(l => CampaignPeriods.TryParse(l, out var p, out _) ? p : null).OfType<Period>()];
    }

    private static string StepName(CampaignStep step) => step.Kind switch
    {
        CampaignStepKind.Reminder => CampaignKeys.ReminderStep(step.Number),
        CampaignStepKind.EscalateToLeader => CampaignKeys.EscalationStep(1),
        CampaignStepKind.EscalateToHead => CampaignKeys.EscalationStep(2),
        CampaignStepKind.Close => CampaignRunner.CloseStep,
        _ => CampaignRunner.OpenStep,
    };

    [LoggerMessage(EventId = 5101, Level = LogLevel.Information, Message = "Opening the check-in campaign for {Period} on schedule")]
    private static partial void LogOpening(ILogger logger, string period);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Warning, Message = "Resuming the interrupted opening of {Period}")]
    private static partial void LogResuming(ILogger logger, string period);

    [LoggerMessage(EventId = 5103, Level = LogLevel.Error, Message = "Campaign steps for {Period} failed; the next tick retries")]
    private static partial void LogPeriodFailed(ILogger logger, string period, Exception exception);
}
