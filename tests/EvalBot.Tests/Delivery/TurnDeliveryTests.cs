using System.Diagnostics;
using System.Net.Http.Json;
using EvalBot.Delivery;
using EvalBot.Persistence.Entities;
using EvalBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace EvalBot.Tests.Delivery;

/// <summary>
/// A turn sends its own replies once it has committed: the rows are written claimed by the instance and started, so
/// the sender's loop (removed here) is not needed for them; a reply whose conversation has no room waits for the loop.
/// </summary>
public sealed class TurnDeliveryTests : IAsyncLifetime
{
    private FakeTeamsConnector _teams = null!;
    private EvalBotFactory _bot = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _teams = await FakeTeamsConnector.StartAsync();
        _bot = new EvalBotFactory(new Dictionary<string, string?>
        {
            // One message per conversation per 10 seconds, so a second reply in the same chat must wait.
            ["Delivery:ConversationLimits:0:Count"] = "1",
            ["Delivery:ConversationLimits:0:Window"] = "00:00:10",
        }, services =>
        {
            foreach (var hosted in services.Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(OutboxSender)).ToList())
            {
                services.Remove(hosted);
            }
        });
        _client = _bot.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _bot.DisposeAsync();
        await _teams.DisposeAsync();
    }

    [Fact]
    public async Task A_reply_is_sent_from_its_turn_and_marked_sent_without_the_outbox_loop()
    {
        await _client.PostAsJsonAsync("/api/messages", Activities.Message(_teams.ServiceUrl, "help", id: "turn-1"));
        await _teams.NextAsync();
        var row = await UntilAsync(r => r.Status == OutboxStatus.Sent);

        Assert.Single(_teams.Received);
        Assert.Equal("turn-1", row.ReplyToId);
        Assert.Equal(1, row.Attempts);
        Assert.NotNull(row.SendStartedAt);
        Assert.NotNull(row.SentAt);
        Assert.Null(row.LeaseOwner);
        Assert.Null(row.LeaseUntil);
    }

    [Fact]
    public async Task A_redelivered_turn_sends_nothing_again()
    {
        var activity = Activities.Message(_teams.ServiceUrl, "help", id: "turn-2");
        await _client.PostAsJsonAsync("/api/messages", activity);
        await _teams.NextAsync();
        await UntilAsync(r => r.Status == OutboxStatus.Sent);
        await _client.PostAsJsonAsync("/api/messages", Activities.Message(_teams.ServiceUrl, "help", id: "turn-2"));
        await Task.Delay(300);

        Assert.Single(_teams.Received);
        Assert.Equal(1, await _bot.QueryAsync(db => db.Outbox.CountAsync()));
    }

    [Fact]
    public async Task A_reply_whose_conversation_has_no_room_is_left_pending_for_the_sender()
    {
        await _client.PostAsJsonAsync("/api/messages", Activities.Message(_teams.ServiceUrl, "help", id: "turn-3"));
        await _teams.NextAsync();
        await _client.PostAsJsonAsync("/api/messages", Activities.Message(_teams.ServiceUrl, "help", id: "turn-4"));
        await UntilAsync(r => r.Status == OutboxStatus.Sent);
        await Task.Delay(300);

        var waiting = await _bot.QueryAsync(db => db.Outbox.AsNoTracking().SingleAsync(o => o.ReplyToId == "turn-4"));
        Assert.Single(_teams.Received);
        Assert.Equal(OutboxStatus.Pending, waiting.Status);
        Assert.Null(waiting.LeaseOwner);
        Assert.Null(waiting.SendStartedAt);
        Assert.Equal(0, waiting.Attempts);
    }

    [Fact]
    public async Task The_sender_is_woken_only_for_a_reply_its_turn_could_not_send()
    {
        var signal = _bot.Services.GetRequiredService<OutboxSignal>();
        await _client.PostAsJsonAsync("/api/messages", Activities.Message(_teams.ServiceUrl, "help", id: "turn-5"));
        await _teams.NextAsync();
        var wokenBySentReply = await signal.WaitAsync(TimeSpan.Zero, CancellationToken.None);

        await _client.PostAsJsonAsync("/api/messages", Activities.Message(_teams.ServiceUrl, "help", id: "turn-6"));
        var wokenByWaitingReply = await signal.WaitAsync(TimeSpan.FromSeconds(5), CancellationToken.None);

        Assert.False(wokenBySentReply);
        Assert.True(wokenByWaitingReply);
    }

    private async Task<OutboxMessage> UntilAsync(Func<OutboxMessage, bool> done)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var rows = await _bot.QueryAsync(db => db.Outbox.AsNoTracking().OrderBy(o => o.Id).ToListAsync());
            if (rows.FirstOrDefault(done) is { } row)
            {
                return row;
            }

            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(30), "no outbox row reached the expected state");
            await Task.Delay(50);
        }
    }
}
