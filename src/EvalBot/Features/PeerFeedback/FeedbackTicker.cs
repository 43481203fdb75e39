using EvalBot.Domain.Calendar;
using EvalBot.Persistence;
using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EvalBot.Features.PeerFeedback;

/// <summary>
/// Works out from the current time which rounds are due: a period whose check-in campaign has queued its prompts
/// gets its feedback round opened; at the campaign's configured reminder moment, the unanswered requests are reminded.
/// A round interrupted by a crash is completed by the next tick.
/// </summary>
public sealed class FeedbackTicker(EvalBotDbContext db, FeedbackRounds rounds, CampaignCalendar calendar, TimeProvider time, IOptions<PeerFeedbackOptions> options)
{
    public async Task<IReadOnlyList<FeedbackStepResult>> TickAsync(CancellationToken cancellationToken)
    {
        var results = new List<FeedbackStepResult>();
        if (!options.Value.Enabled)
        {
            return results;
        }

        var now = time.GetUtcNow();
        var open = (await db.CheckInCampaigns.AsNoTracking().Where(c => c.ClosedAt == null && c.PromptsQueuedAt != null).ToListAsync(cancellationToken))
            .Where(c => c.IsOpenAt(now)).OrderBy(c => c.Period, StringComparer.Ordinal).ToList();
        foreach (var campaign in open)
        {
            var round = await db.Set<FeedbackRound>().AsNoTracking().SingleOrDefaultAsync(r => r.Period == campaign.Period, cancellationToken);
            if (round?.RequestsQueuedAt is null)
            {
                results.Add(await rounds.OpenAsync(campaign.Period, cancellationToken));
                continue;
            }

            var number = options.Value.ReminderWithCampaignReminder;
            if (number < 1 || round.RemindersQueuedAt is not null || !CampaignPeriods.TryParse(campaign.Period, out var period, out _))
            {
                continue;
            }

            var step = calendar.ForCampaign(period, campaign.OpenedAt, calendar.CampaignZone).Steps
                .FirstOrDefault(s => s.Kind == CampaignStepKind.Reminder && s.Number == number);
            if (step is not null && step.At <= now)
            {
                results.Add(await rounds.RemindAsync(campaign.Period, number, cancellationToken));
            }
        }

        return results;
    }
}
