using System.Net.Http.Json;
using EvalBot.Persistence.Entities;
using EvalBot.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Tests.Delivery;

/// <summary>
/// Teams far away: when each call takes 300 ms, a sender holding a fixed handful of calls in flight would send far below
/// the allowed rate. The sender measures the round trip and keeps more in flight, never more than
/// <c>Delivery:MaxConcurrency</c>, and every message still arrives once.
/// </summary>
public sealed class SlowTeamsTests
{
    [Fact]
    public async Task While_Teams_answers_slowly_the_sender_keeps_more_messages_in_flight_up_to_the_maximum()
    {
        await using var teams = await FakeTeamsConnector.StartAsync();
        teams.Latency = TimeSpan.FromMilliseconds(300);
        await using var bot = new EvalBotFactory(new Dictionary<string, string?>
        {
            // Every reply goes through the sender; at 20 a second and 300 ms a call, 2 in flight would send 6 a second.
            ["Delivery:SendFromTurn"] = "false",
            ["Delivery:Concurrency"] = "2",
            ["Delivery:MaxConcurrency"] = "6",
            ["Delivery:TenantRequestsPerSecond"] = "20",
        });
        using var client = bot.CreateClient();
        const int People = 30;

        await Task.WhenAll(Enumerable.Range(0, People).Select(i =>
            client.PostAsJsonAsync("/api/messages", Activities.Message(teams.ServiceUrl, "help", userAad: $"aad-far-{i}", conversationId: $"a:far-{i}"))));
        var sent = await Poll.UntilAsync(() => bot.QueryAsync(db => db.Outbox.CountAsync(o => o.Status == OutboxStatus.Sent)), n => n >= People, TimeSpan.FromSeconds(30));

        var posted = teams.Received.Where(c => c.Method == "POST").GroupBy(c => c.DecodedPath).ToList();
        Assert.Equal(People, sent);
        Assert.Equal(People, posted.Count);
        Assert.All(posted, p => Assert.Single(p));
        Assert.InRange(teams.PeakInFlight, 3, 6);
    }
}
