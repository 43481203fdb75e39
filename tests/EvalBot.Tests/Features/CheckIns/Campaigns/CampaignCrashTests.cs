using System.Diagnostics;
using EvalBot.Features.CheckIns.Campaigns;
using EvalBot.Persistence;
using EvalBot.Persistence.Entities;
using EvalBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static EvalBot.Tests.Features.CheckIns.Campaigns.CampaignScheduleTests;

namespace EvalBot.Tests.Features.CheckIns.Campaigns;

/// <summary>
/// Nothing lost, nothing doubled: a campaign to 1,000 people is cut off in the middle of its opening, the app is
/// stopped (between sends, or while the sender is busy), and a new app on the same database file resumes it. Each
/// person gets one chat and one prompt, counted at the fake Teams by the member id of each chat it was asked to create.
/// </summary>
public sealed class CampaignCrashTests
{
    private const string Period = "2026-04";
    private const int People = 1000;
    // Unpaced: 2,000 calls at Teams' rate would take 40 s; pacing has its own tests.
    private static readonly Dictionary<string, string?> Settings = new() { ["Campaigns:BatchSize"] = "100", ["Delivery:TenantRequestsPerSecond"] = "0" };

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_campaign_cut_off_mid_way_and_resumed_prompts_nobody_twice(bool stopWhileSending)
    {
        await using var teams = await FakeTeamsConnector.StartAsync();
        var folder = CampaignHost.NewFolder();
        var clock = new FakeTimeProvider(Utc(2026, 5, 4, 2));

        var crash = new CrashOnBatch(4);
        var first = CampaignHost.Create(folder, clock, extra: Settings, configure: services =>
            services.ConfigureDbContext<SqliteEvalBotDbContext>(o => o.AddInterceptors(crash)));
        await first.SeedAsync(db => SeedAsync(db, teams.ServiceUrl, clock.GetUtcNow()));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first.OpenAsync(Period));

        var queuedBeforeCrash = await first.QueryAsync(db => db.Outbox.CountAsync());
        if (!stopWhileSending)
        {
            await UntilAsync(first, db => db.Outbox.AllAsync(o => o.Status == OutboxStatus.Sent), what: "the first app to send what it queued");
        }

        await first.DisposeAsync();

        await using var second = CampaignHost.Create(folder, clock, extra: Settings);
        var cutOff = await second.QueryAsync(db => db.Outbox.Where(o => o.Status == OutboxStatus.Sending).Select(o => o.Id).ToListAsync());

        // Of those, the ones stopped during a call to Teams (the chat's creation or the message itself); the others were
        // claimed but not yet sending, and go back to the queue.
        var midCall = await second.QueryAsync(db => db.Outbox.Where(o => o.Status == OutboxStatus.Sending && o.SendStartedAt != null).Select(o => o.Id).ToListAsync());
        var cutOffMidCall = midCall.Count;
        var resumed = await second.TickAsync();
        await UntilAsync(second, db => db.Outbox.Where(o => !cutOff.Contains(o.Id)).AllAsync(o => o.Status == OutboxStatus.Sent), what: "the resumed campaign to be sent");

        // The first app's claims on the rows it was sending when it stopped run out after the lease (5 minutes).
        clock.Advance(TimeSpan.FromMinutes(6));
        await UntilAsync(second, db => db.Outbox.AllAsync(o => o.Status == OutboxStatus.Sent || o.Status == OutboxStatus.Failed), what: "interrupted sends to be settled");

        var rows = await second.QueryAsync(db => db.Outbox.AsNoTracking().ToListAsync());
        var created = teams.Received.Where(c => c.DecodedPath.EndsWith("/v3/conversations", StringComparison.Ordinal))
            .GroupBy(c => (string)c.Body!["members"]![0]!["id"]!).ToDictionary(g => g.Key, g => g.Count());
        var posted = teams.Received.Where(c => c.Method == "POST" && c.DecodedPath.EndsWith("/activities", StringComparison.Ordinal))
            .GroupBy(c => c.DecodedPath).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(300, queuedBeforeCrash);
        Assert.Equal(People - queuedBeforeCrash, Assert.Single(resumed).Queued);
        Assert.Equal(People, rows.Count);
        Assert.Equal(People, rows.Select(r => r.PersonId).Distinct().Count());
        Assert.All(created, c => Assert.Equal(1, c.Value));
        Assert.All(posted, p => Assert.Equal(1, p.Value));
        Assert.All(rows.Where(r => r.Status == OutboxStatus.Sent), r => Assert.Equal(1, posted.GetValueOrDefault($"/teams/v3/conversations/{r.ConversationId}/activities")));
        var interrupted = rows.Count(r => r.Status == OutboxStatus.Failed);
        if (stopWhileSending)
        {
            // A send cut off mid-call is never retried (it may have reached Teams): at most the rows claimed at the stop. The
            // stopping instance may still have finished one of them (marked sent by it, once); none is claimed a second time.
            Assert.InRange(interrupted, 0, cutOffMidCall);
            Assert.All(rows.Where(r => midCall.Contains(r.Id)), r => Assert.True(r.Status == OutboxStatus.Failed || (r.Status == OutboxStatus.Sent && r.Attempts == 1), $"row {r.Id}: {r.Status} after {r.Attempts} claims"));
            Assert.InRange(interrupted, 0, 32);
            Assert.InRange(posted.Count, People - interrupted, People);
        }
        else
        {
            Assert.Empty(cutOff);
            Assert.Equal(0, interrupted);
            Assert.Equal(People, created.Count);
            Assert.Equal(People, posted.Count);
        }
    }

    /// <summary>Stands for the process dying while it commits the n-th batch of prompts: that transaction never lands.</summary>
    private sealed class CrashOnBatch(int batch) : SaveChangesInterceptor
    {
        private int _batches;

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            var prompts = eventData.Context!.ChangeTracker.Entries<OutboxMessage>().Any(e => e.State == EntityState.Added);
            if (prompts && Interlocked.Increment(ref _batches) == batch)
            {
                throw new OperationCanceledException("The process stopped while committing a batch.");
            }

            return base.SavingChangesAsync(eventData, result, cancellationToken);
        }
    }

    private static Task SeedAsync(EvalBotDbContext db, string serviceUrl, DateTimeOffset now)
    {
        var unit = CampaignSeed.Unit(db, "big", "month");
        for (var i = 0; i < People; i++)
        {
            CampaignSeed.Person(db, unit, $"p{i:0000}");
        }

        CampaignSeed.KnownTenant(db, serviceUrl, now);
        return Task.CompletedTask;
    }

    /// <summary>Polls the database (the outbox runs on its own) until the condition holds, for at most 3 minutes (a loaded 2-core machine sends 1,000 slowly).</summary>
    private static async Task UntilAsync(EvalBotFactory app, Func<EvalBotDbContext, Task<bool>> condition, string what)
    {
        var deadline = Stopwatch.StartNew();
        while (!await app.QueryAsync(condition))
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromMinutes(3), "timed out waiting for " + what);
            await Task.Delay(20);
        }
    }
}
