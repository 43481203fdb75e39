using EvalBot.Auditing;
using EvalBot.Domain.Calendar;
using EvalBot.Domain.Records;
using EvalBot.Persistence;
using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EvalBot.Features.CheckIns.Campaigns;

/// <summary>
/// The steps of a check-in campaign. Each is idempotent: messages are keyed per step, period and person, work is
/// committed in batches, and a step run again (after a crash, or by the tick and an admin at once) queues only what
/// is missing. With the outbox sending each row at most once, nobody gets the same prompt twice. A step reads the clock
/// once, or takes the moment of the tick that runs it, and everything it writes and renders uses that moment.
/// </summary>
public sealed class CampaignRunner(
    EvalBotDbContext db,
    CampaignTiming timing,
    CampaignAudience audience,
    CampaignMessages messages,
    CampaignBatches batches,
    CampaignEscalation escalation,
    CampaignCalendar calendar,
    AuditLog audit,
    TimeProvider time,
    IOptions<CampaignOptions> options)
{
    public const string OpenStep = "open";
    public const string CloseStep = "close";

    /// <summary>Opens the period (or resumes an interrupted opening) and queues one check-in card per reporting person.</summary>
    public async Task<CampaignStepResult> OpenAsync(string period, string openedBy, CancellationToken cancellationToken, DateTimeOffset? at = null)
    {
        var now = at ?? time.GetUtcNow();
        var parsed = CampaignPeriods.Parse(period);
        var campaign = await EnsureCampaignAsync(parsed, openedBy, now, cancellationToken);
        if (campaign.ClosedAt is not null)
        {
            return CampaignStepResult.Refuse(parsed.Label, OpenStep, "closed");
        }

        var keys = await audience.QueuedKeysAsync(parsed.Label, CampaignKeys.PromptKind, cancellationToken);
        var total = new BatchTally();
        for (long after = 0; ;)
        {
            var people = await audience.ReportingPeopleAsync(parsed, after, options.Value.BatchSize, cancellationToken);
            if (people.Count == 0)
            {
                break;
            }

            after = people[^1].Id;
            var leave = await audience.LeaveAsync([.. people.Select(p => p.Id)], parsed, cancellationToken);
            total.Merge(await batches.CommitAsync(
                async () =>
                {
                    await messages.PrepareAsync(people, parsed, cancellationToken);
                    var tally = new BatchTally();
                    foreach (var person in people)
                    {
                        var key = CampaignKeys.Prompt(parsed.Label, person.Id);
                        var (outcome, reason) = string.IsNullOrWhiteSpace(person.AadObjectId)
                            ? (CampaignMessages.Outcome.Skipped, SkipReasons.NoTeamsIdentity)
                            : keys.Contains(key)
                                ? (CampaignMessages.Outcome.AlreadyQueued, null)
                                : await QueueFormAsync(person, parsed, campaign, CampaignStepKind.Open, 1, key, CampaignKeys.PromptKind, "checkinNoticeOpened", leave, now, cancellationToken);
                        tally.Add(outcome, person.ExternalId, reason);
                    }

                    return tally;
                },
                async () => keys = await audience.QueuedKeysAsync(parsed.Label, CampaignKeys.PromptKind, cancellationToken),
                cancellationToken));
        }

        var stored = await db.CheckInCampaigns.SingleAsync(c => c.Id == campaign.Id, cancellationToken);
        stored.PromptsQueuedAt ??= now;
        var result = total.ToResult(parsed.Label, OpenStep);
        audit.Record(ActorOf(openedBy), CampaignKeys.StepDone(OpenStep), CampaignKeys.AuditEntity, parsed.Label, Summary(result), now);
        await db.SaveChangesAsync(cancellationToken);
        return result;
    }

    /// <summary>Queues reminder <paramref name="number"/> to everyone prompted who has not submitted yet.</summary>
    public async Task<CampaignStepResult> RemindAsync(string period, int number, CancellationToken cancellationToken, DateTimeOffset? at = null)
    {
        var now = at ?? time.GetUtcNow();
        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(number, calendar.Settings.ReminderDays.Count);
        var parsed = CampaignPeriods.Parse(period);
        var step = CampaignKeys.ReminderStep(number);
        var campaign = await db.CheckInCampaigns.AsNoTracking().SingleOrDefaultAsync(c => c.Period == parsed.Label, cancellationToken);
        if (campaign is null || campaign.ClosedAt is not null)
        {
            return CampaignStepResult.Refuse(parsed.Label, step, campaign is null ? "notOpened" : "closed");
        }

        var kind = CampaignKeys.ReminderKind(number);
        var keys = await audience.QueuedKeysAsync(parsed.Label, kind, cancellationToken);
        var submitted = await audience.SubmittedAsync(parsed.Label, cancellationToken);
        var pending = (await audience.PromptedAsync(parsed.Label, cancellationToken)).Where(p => !submitted.Contains(p.PersonId)).ToList();
        var total = new BatchTally();
        foreach (var chunk in pending.Chunk(options.Value.BatchSize))
        {
            var unreachable = chunk.Where(p => p.Unreachable).Select(p => p.PersonId).ToHashSet();
            var people = await audience.PeopleAsync([.. chunk.Select(p => p.PersonId)], cancellationToken);
            var leave = await audience.LeaveAsync([.. chunk.Select(p => p.PersonId)], parsed, cancellationToken);
            total.Merge(await batches.CommitAsync(
                async () =>
                {
                    await messages.PrepareAsync(people, parsed, cancellationToken);
                    var tally = new BatchTally();
                    foreach (var person in people)
                    {
                        var key = CampaignKeys.Reminder(number, parsed.Label, person.Id);
                        var (outcome, reason) = unreachable.Contains(person.Id) || !person.IsActive
                            ? (CampaignMessages.Outcome.Skipped, SkipReasons.Unreachable)
                            : keys.Contains(key)
                                ? (CampaignMessages.Outcome.AlreadyQueued, null)
                                : await QueueFormAsync(person, parsed, campaign, CampaignStepKind.Reminder, number, key, kind, "checkinNoticeReminder", leave, now, cancellationToken);
                        tally.Add(outcome, person.ExternalId, reason);
                    }

                    return tally;
                },
                async () => keys = await audience.QueuedKeysAsync(parsed.Label, kind, cancellationToken),
                cancellationToken));
        }

        return await FinishAsync(total.ToResult(parsed.Label, step), now, cancellationToken);
    }

    /// <summary>Sends each direct leader (level 1) or each head of unit (level 2) the list of their people who have not reported.</summary>
    public async Task<CampaignStepResult> EscalateAsync(string period, int level, CancellationToken cancellationToken, DateTimeOffset? at = null)
    {
        var now = at ?? time.GetUtcNow();
        var result = await escalation.RunAsync(CampaignPeriods.Parse(period), level, now, cancellationToken);
        return result.Refused is null ? await FinishAsync(result, now, cancellationToken) : result;
    }

    /// <summary>Closes the period: reports are read-only from now on.</summary>
    public async Task<CampaignStepResult> CloseAsync(string period, CancellationToken cancellationToken, DateTimeOffset? at = null)
    {
        var now = at ?? time.GetUtcNow();
        var parsed = CampaignPeriods.Parse(period);
        var campaign = await db.CheckInCampaigns.SingleOrDefaultAsync(c => c.Period == parsed.Label, cancellationToken);
        if (campaign is null)
        {
            return CampaignStepResult.Refuse(parsed.Label, CloseStep, "notOpened");
        }

        campaign.ClosedAt ??= now;
        return await FinishAsync(new CampaignStepResult(parsed.Label, CloseStep, 0, 0, []), now, cancellationToken);
    }

    private async Task<CheckInCampaign> EnsureCampaignAsync(Period period, string openedBy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await db.CheckInCampaigns.AsNoTracking().SingleOrDefaultAsync(c => c.Period == period.Label, cancellationToken) is { } existing)
        {
            return existing;
        }

        var campaign = new CheckInCampaign { Period = period.Label, OpenedAt = now, OpenedBy = openedBy };
        campaign.ClosesAt = calendar.ForCampaign(period, now, calendar.CampaignZone).Closes.At;
        db.CheckInCampaigns.Add(campaign);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Opened at the same moment by another caller: theirs stands.
        }

        db.ChangeTracker.Clear();
        return await db.CheckInCampaigns.AsNoTracking().SingleAsync(c => c.Period == period.Label, cancellationToken);
    }

    private async Task<(CampaignMessages.Outcome, string?)> QueueFormAsync(
        Persistence.Entities.Person person, Period period, CheckInCampaign campaign, CampaignStepKind kind, int number, string key, string outboxKind,
        string noticeKey, Dictionary<long, List<DateRange>> leave, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (notBefore, skip) = timing.When(person, person.Unit!, period, campaign, kind, number, leave.GetValueOrDefault(person.Id) ?? [], now);
        return skip is not null
            ? (CampaignMessages.Outcome.Skipped, skip)
            : await messages.QueueFormAsync(person, period, notBefore!.Value, key, outboxKind, noticeKey, now, cancellationToken);
    }

    private async Task<CampaignStepResult> FinishAsync(CampaignStepResult result, DateTimeOffset now, CancellationToken cancellationToken)
    {
        audit.Record(AuditLog.SystemActor, CampaignKeys.StepDone(result.Step), CampaignKeys.AuditEntity, result.Period, Summary(result), now);
        await db.SaveChangesAsync(cancellationToken);
        return result;
    }

    private static string ActorOf(string openedBy) => openedBy == AuditLog.AdminActor ? AuditLog.AdminActor : AuditLog.SystemActor;

    private static object Summary(CampaignStepResult result) =>
        new { result.Queued, result.AlreadyQueued, Skipped = result.SkippedByReason };
}
