using EvalBot.Delivery;
using EvalBot.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Features.CheckIns.Campaigns;

/// <summary>
/// Commits campaign work one batch per transaction. A batch that collides with a concurrent run (the same dedupe key
/// queued by the tick and an admin call at once) is rolled back, refreshed and redone; the unique key decides.
/// </summary>
public sealed class CampaignBatches(EvalBotDbContext db, OutboxSignal signal)
{
    private const int MaxAttempts = 3;

    /// <summary>Fills the unit of work with <paramref name="fill"/>, commits it and forgets the tracked rows.</summary>
    public async Task<BatchTally> CommitAsync(Func<Task<BatchTally>> fill, Func<Task> refresh, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fill);
        ArgumentNullException.ThrowIfNull(refresh);
        for (var attempt = 1; ; attempt++)
        {
            var tally = await fill();
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
                if (tally.Queued > 0)
                {
                    signal.Notify();
                }

                return tally;
            }
            catch (DbUpdateException) when (attempt < MaxAttempts)
            {
                db.ChangeTracker.Clear();
                await refresh();
            }
        }
    }
}

/// <summary>What one batch did, counted only once it has committed.</summary>
public sealed class BatchTally
{
    public int Queued { get; set; }

    public int AlreadyQueued { get; set; }

    public List<SkippedPerson> Skipped { get; } = [];

    public void Add(CampaignMessages.Outcome outcome, string externalId, string? reason)
    {
        switch (outcome)
        {
            case CampaignMessages.Outcome.Queued:
                Queued++;
                break;
            case CampaignMessages.Outcome.AlreadyQueued:
                AlreadyQueued++;
                break;
            default:
                Skipped.Add(new SkippedPerson(externalId, reason ?? "unknown"));
                break;
        }
    }

    public void Merge(BatchTally other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Queued += other.Queued;
        AlreadyQueued += other.AlreadyQueued;
        Skipped.AddRange(other.Skipped);
    }

    public CampaignStepResult ToResult(string period, string step) => new(period, step, Queued, AlreadyQueued, Skipped);
}
