using System.Globalization;
using EvalBot.Persistence;
using Microsoft.Extensions.Options;
using Quartz;

namespace EvalBot.Features.Classification;

/// <summary>
/// Reminds heads with undecided lists before the legal deadlines (15 December for the state rating, 31 December for the
/// QĐ366 review), on the configured days before each; once per head, deadline and day.
/// </summary>
[DisallowConcurrentExecution]
public sealed partial class ReminderJob(DecisionNotices notices, EvalBotDbContext db, TimeProvider time, IOptions<ClassificationOptions> options, OrganisationClock clock, Delivery.OutboxSignal signal, ILogger<ReminderJob> logger) : IJob
{
    public static readonly JobKey Key = new("deadline-reminders", "classification");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var today = clock.Today(time.GetUtcNow());
        var queued = 0;
        foreach (var (name, text, deadline) in new[] { ("state", "classReminderState", o.StateDeadline), ("party", "classReminderParty", o.PartyDeadline) })
        {
            var date = DateOnly.ParseExact($"{today.Year}-{deadline}", "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var days = date.DayNumber - today.DayNumber;
            if (!o.ReminderDaysBefore.Contains(days)) continue;
            queued += await notices.SendDecisionCardsAsync(today.Year, ($"{name}:{days}", text, date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)), cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        signal.Notify();
        LogReminders(logger, today, queued);
    }

    [LoggerMessage(EventId = 6101, Level = LogLevel.Information, Message = "Classification deadline reminders on {Day}: {Queued} queued")]
    private static partial void LogReminders(ILogger logger, DateOnly day, int queued);
}
