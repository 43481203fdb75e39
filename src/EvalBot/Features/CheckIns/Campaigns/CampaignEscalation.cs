using EvalBot.Domain.Calendar;
using EvalBot.Domain.Records;
using EvalBot.Persistence;
using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Person = EvalBot.Persistence.Entities.Person;

namespace EvalBot.Features.CheckIns.Campaigns;

/// <summary>
/// The escalation ladder: first each direct leader, then each head of unit, gets one digest card listing their people
/// who were prompted and have not submitted. Leaders get it in their own working hours, after their own leave.
/// </summary>
public sealed class CampaignEscalation(
    EvalBotDbContext db,
    CampaignTiming timing,
    CampaignAudience audience,
    CampaignMessages messages,
    CampaignBatches batches,
    EscalationCard card,
    IOptions<CampaignOptions> options)
{
    public async Task<CampaignStepResult> RunAsync(Period period, int level, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentOutOfRangeException.ThrowIfLessThan(level, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(level, 2);
        var step = CampaignKeys.EscalationStep(level);
        var campaign = await db.CheckInCampaigns.AsNoTracking().SingleOrDefaultAsync(c => c.Period == period.Label, cancellationToken);
        if (campaign is null || campaign.ClosedAt is not null)
        {
            return CampaignStepResult.Refuse(period.Label, step, campaign is null ? "notOpened" : "closed");
        }

        var submitted = await audience.SubmittedAsync(period.Label, cancellationToken);
        var missing = (await audience.PromptedAsync(period.Label, cancellationToken)).Select(p => p.PersonId).Where(id => !submitted.Contains(id)).ToList();
        var people = await audience.PeopleAsync(missing, cancellationToken);
        var drafts = (await db.CheckInReports.AsNoTracking().Where(r => r.Period == period.Label && missing.Contains(r.PersonId)).Select(r => r.PersonId).ToListAsync(cancellationToken)).ToHashSet();
        var groups = await GroupsAsync(people, level, cancellationToken);

        var kind = CampaignKeys.EscalationKind(level);
        var keys = await audience.QueuedKeysAsync(period.Label, kind, cancellationToken);
        var stepKind = level == 1 ? CampaignStepKind.EscalateToLeader : CampaignStepKind.EscalateToHead;
        var total = new BatchTally();
        foreach (var chunk in groups.Chunk(options.Value.BatchSize))
        {
            var leave = await audience.LeaveAsync([.. chunk.Select(g => g.Leader.Id)], period, cancellationToken);
            total.Merge(await batches.CommitAsync(
                async () =>
                {
                    var tally = new BatchTally();
                    foreach (var (leader, members) in chunk)
                    {
                        var key = CampaignKeys.Escalation(level, period.Label, leader.Id);
                        if (keys.Contains(key))
                        {
                            tally.Add(CampaignMessages.Outcome.AlreadyQueued, leader.ExternalId, null);
                            continue;
                        }

                        var (notBefore, skip) = timing.When(leader, leader.Unit!, period, campaign, stepKind, 1, leave.GetValueOrDefault(leader.Id) ?? [], now);
                        var (outcome, reason) = skip is not null
                            ? (CampaignMessages.Outcome.Skipped, skip)
                            : await messages.QueueCardAsync(leader, period, notBefore!.Value, key, kind, card.Render(leader, level, period, campaign, members, drafts), now, cancellationToken);
                        tally.Add(outcome, leader.ExternalId, reason);
                    }

                    return tally;
                },
                async () => keys = await audience.QueuedKeysAsync(period.Label, kind, cancellationToken),
                cancellationToken));
        }

        return total.ToResult(period.Label, step);
    }

    /// <summary>Non-responders by who should hear about them: the direct leader (level 1) or the head of their unit (level 2).</summary>
    private async Task<List<(Person Leader, List<Person> Members)>> GroupsAsync(List<Person> people, int level, CancellationToken cancellationToken)
    {
        var byLeader = people
            .Select(p => (Person: p, LeaderId: level == 1 ? p.ManagerId : p.Unit?.HeadPersonId))
            .Where(x => x.LeaderId is { } id && id != x.Person.Id)
            .GroupBy(x => x.LeaderId!.Value)
            .ToDictionary(g => g.Key, g => g.Select(x => x.Person).OrderBy(p => p.FullName, StringComparer.Ordinal).ToList());
        var leaders = await audience.PeopleAsync([.. byLeader.Keys], cancellationToken);
        return [.. leaders.Where(l => l.IsActive && !string.IsNullOrWhiteSpace(l.AadObjectId)).Select(l => (l, byLeader[l.Id]))];
    }
}
