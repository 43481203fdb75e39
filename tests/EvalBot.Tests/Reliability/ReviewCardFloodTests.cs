using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using EvalBot.Persistence.Entities;
using EvalBot.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Tests.Reliability;

/// <summary>
/// A staff member resubmitting again and again cannot flood their leader's chat: there is one review card per report
/// (person and period), replaced while it waits in the outbox and updated in place once it is in the leader's chat.
/// </summary>
public sealed class ReviewCardFloodTests
{
    [Fact]
    public async Task Twenty_alternating_submits_leave_one_waiting_review_card_showing_the_latest_version()
    {
        await using var host = await ReliabilityHost.StartAsync();
        for (var i = 0; i < 20; i++)
        {
            var data = host.ValidReport();
            data[host.TargetField(0, "done")] = i % 2 == 0 ? "9" : "10";
            data[host.TargetField(0, "onTime")] = i % 2 == 0 ? "9" : "10";
            (await host.PostAsync(Activities.Invoke(host.Teams.ServiceUrl, "checkin.submit", data))).EnsureSuccessStatusCode();
        }

        var cards = await host.Bot.QueryAsync(db => db.Outbox.AsNoTracking().Where(o => o.Kind == "checkin.review").ToListAsync());
        var versions = await host.Bot.QueryAsync(db => db.CheckInReports.CountAsync(r => r.PersonId == host.Org.Staff.Id));

        Assert.Equal(20, versions);
        var card = Assert.Single(cards);
        Assert.Equal("aad-leader", card.RecipientAadObjectId);
        Assert.Contains("phiên bản 20", Regex.Unescape(card.ActivityJson), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_resubmit_after_the_card_reached_the_leader_updates_that_card_in_place()
    {
        await using var host = await ReliabilityHost.StartAsync();
        (await host.PostAsync(Activities.Invoke(host.Teams.ServiceUrl, "checkin.submit", host.ValidReport()))).EnsureSuccessStatusCode();
        // As the sender leaves it once Teams accepted it.
        await host.Bot.QueryAsync(async db =>
        {
            var sent = await db.Outbox.SingleAsync(o => o.Kind == "checkin.review");
            sent.Status = OutboxStatus.Sent;
            sent.ConversationId = "a:leader-chat";
            sent.SentActivityId = "review-card-1";
            return await db.SaveChangesAsync();
        });

        var changed = host.ValidReport();
        changed[host.TargetField(1, "onTime")] = "37";
        (await host.PostAsync(Activities.Invoke(host.Teams.ServiceUrl, "checkin.submit", changed))).EnsureSuccessStatusCode();
        var again = host.ValidReport();
        again[host.TargetField(1, "onTime")] = "36";
        (await host.PostAsync(Activities.Invoke(host.Teams.ServiceUrl, "checkin.submit", again))).EnsureSuccessStatusCode();

        var rows = await host.Bot.QueryAsync(db => db.Outbox.AsNoTracking().Where(o => o.Kind == "checkin.review").OrderBy(o => o.Id).ToListAsync());
        Assert.Equal(3, rows.Count);
        Assert.Null(rows[0].UpdateActivityId);
        Assert.All(rows.Skip(1), r =>
        {
            Assert.Equal("review-card-1", r.UpdateActivityId);
            Assert.Equal("a:leader-chat", r.ConversationId);
        });
        Assert.Contains("phiên bản 3", Regex.Unescape(rows[2].ActivityJson), StringComparison.Ordinal);
        _ = JsonNode.Parse(rows[2].ActivityJson);
    }
}
