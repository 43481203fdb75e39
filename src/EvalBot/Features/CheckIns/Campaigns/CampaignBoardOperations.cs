using EvalBot.Auditing;
using EvalBot.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Features.CheckIns.Campaigns;

/// <summary>
/// <c>period.open</c> from the board card: opens the period (or resumes an opening) with the same runner as the schedule
/// and the admin API, then follows the delivery of the check-in cards it queued until none is waiting.
/// </summary>
public sealed class OpenPeriodOperation(CampaignRunner runner, DeliveryProgress delivery, AuditLog audit, EvalBotDbContext db) : IBoardOperation
{
    /// <summary>Stored as the campaign's <c>OpenedBy</c> when the board opens it.</summary>
    public const string OpenedByBoard = "board";

    public string Kind => "period.open";

    public bool Accepts(string argument) => CampaignPeriods.TryParse(argument, out _, out _);

    public async Task<BoardOperationResult> RunAsync(BoardOperationRequest request, BoardProgress progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var period = CampaignPeriods.Parse(request.Argument).Label;
        var result = await runner.OpenAsync(period, OpenedByBoard, cancellationToken);
        audit.Record(request.Actor, "campaign.open-requested", CampaignKeys.AuditEntity, period,
            new { result.Queued, result.AlreadyQueued, Skipped = result.SkippedByReason, result.Refused, via = "board" });
        await db.SaveChangesAsync(cancellationToken);
        if (result.Refused is not null) return BoardOperationResult.Refuse("boardResultClosedPeriod", period);
        var counts = await delivery.WatchAsync(period, [CampaignKeys.PromptKind], progress, cancellationToken);
        return BoardOperationResult.Done("boardResultOpened", period, result.Queued, result.AlreadyQueued, result.Skipped.Count,
            counts.Sent, counts.Failed, counts.Total - counts.Done);
    }
}

/// <summary><c>period.close</c> from the board card: reports of the period become read-only.</summary>
public sealed class ClosePeriodOperation(CampaignRunner runner, AuditLog audit, EvalBotDbContext db) : IBoardOperation
{
    public string Kind => "period.close";

    public bool Accepts(string argument) => CampaignPeriods.TryParse(argument, out _, out _);

    public async Task<BoardOperationResult> RunAsync(BoardOperationRequest request, BoardProgress progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(progress);
        var period = CampaignPeriods.Parse(request.Argument).Label;
        var result = await runner.CloseAsync(period, cancellationToken);
        if (result.Refused is not null) return BoardOperationResult.Refuse("boardResultNotOpened", period);
        audit.Record(request.Actor, "campaign.close-requested", CampaignKeys.AuditEntity, period, new { via = "board" });
        await db.SaveChangesAsync(cancellationToken);
        await progress(1, 1, cancellationToken);
        return BoardOperationResult.Done("boardResultClosed", period);
    }
}

/// <summary>
/// <c>reminders.send</c> from the board card: sends now the next reminder of the period not sent yet (each reminder goes
/// once to each person who has not submitted), then follows its delivery.
/// </summary>
public sealed class SendRemindersOperation(CampaignRunner runner, CampaignCalendar calendar, DeliveryProgress delivery, AuditLog audit, EvalBotDbContext db) : IBoardOperation
{
    public string Kind => "reminders.send";

    public bool Accepts(string argument) => CampaignPeriods.TryParse(argument, out _, out _);

    public async Task<BoardOperationResult> RunAsync(BoardOperationRequest request, BoardProgress progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var period = CampaignPeriods.Parse(request.Argument).Label;
        var count = calendar.Settings.ReminderDays.Count;
        var sent = await db.Outbox.AsNoTracking().Where(o => o.Period == period && o.Kind.StartsWith("checkin.reminder.")).Select(o => o.Kind).Distinct().ToListAsync(cancellationToken);
        var number = Enumerable.Range(1, count).FirstOrDefault(n => !sent.Contains(CampaignKeys.ReminderKind(n)));
        if (number == 0) return BoardOperationResult.Refuse("boardResultNoReminder", period, count);
        var result = await runner.RemindAsync(period, number, cancellationToken);
        audit.Record(request.Actor, "campaign.remind-requested", CampaignKeys.AuditEntity, period, new { number, result.Queued, result.Refused, via = "board" });
        await db.SaveChangesAsync(cancellationToken);
        if (result.Refused is not null) return BoardOperationResult.Refuse(result.Refused == "closed" ? "boardResultClosedPeriod" : "boardResultNotOpened", period);
        var counts = await delivery.WatchAsync(period, [CampaignKeys.ReminderKind(number)], progress, cancellationToken);
        return BoardOperationResult.Done("boardResultReminded", period, number, result.Queued, result.Skipped.Count, counts.Sent, counts.Failed);
    }
}
