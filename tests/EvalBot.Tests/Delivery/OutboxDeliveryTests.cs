using System.Diagnostics;
using System.Net.Http.Json;
using EvalBot.Persistence.Entities;
using EvalBot.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Tests.Delivery;

/// <summary>
/// Replies go through the outbox and the real connector client to a fake Teams that fails on purpose:
/// transient failures are retried (honouring Retry-After), permanent ones are recorded and not retried.
/// </summary>
public sealed class OutboxDeliveryTests : IAsyncLifetime
{
    private FakeTeamsConnector _teams = null!;
    private EvalBotFactory _bot = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _teams = await FakeTeamsConnector.StartAsync();
        _bot = new EvalBotFactory();
        _client = _bot.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _bot.DisposeAsync();
        await _teams.DisposeAsync();
    }

    [Fact]
    public async Task A_429_with_Retry_After_is_waited_out_and_the_reply_is_delivered_once()
    {
        _teams.FailNext(429, retryAfterSeconds: 1, code: "Throttled");
        var clock = Stopwatch.StartNew();

        await _client.PostAsJsonAsync("/api/messages", Activities.Message(_teams.ServiceUrl, "help"));
        await _teams.NextAsync();
        var row = await WaitForFinalAsync();

        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(0.9), $"retried after {clock.Elapsed}");
        Assert.Equal(2, _teams.Attempts);
        Assert.Single(_teams.Received);
        Assert.Equal(OutboxStatus.Sent, row.Status);
    }

    [Theory]
    [InlineData(503)]
    [InlineData(502)]
    [InlineData(504)]
    [InlineData(412)]
    public async Task Gateway_errors_are_retried_until_delivered(int status)
    {
        _teams.FailNext(status);
        _teams.FailNext(status);

        await _client.PostAsJsonAsync("/api/messages", Activities.Message(_teams.ServiceUrl, "help"));
        await _teams.NextAsync();
        var row = await WaitForFinalAsync();

        Assert.Equal(3, _teams.Attempts);
        Assert.Equal(OutboxStatus.Sent, row.Status);
    }

    [Theory]
    [InlineData(403, false)]
    [InlineData(404, false)]
    [InlineData(400, true)]
    public async Task Permanent_failures_are_not_retried_and_are_recorded_against_the_conversation(int status, bool staysActive)
    {
        _teams.FailNext(status, code: status == 403 ? "MessageWritesBlocked" : "Failure");

        await _client.PostAsJsonAsync("/api/messages", Activities.Message(_teams.ServiceUrl, "help"));
        var row = await WaitForFinalAsync();
        var reference = await _bot.QueryAsync(db => db.ConversationReferences.SingleAsync());

        Assert.Equal(1, _teams.Attempts);
        Assert.Equal(OutboxStatus.Failed, row.Status);
        Assert.Equal(status, row.LastStatusCode);
        Assert.Equal(status, reference.LastFailureStatus);
        Assert.Equal(staysActive, reference.IsActive);
    }

    private async Task<OutboxMessage> WaitForFinalAsync()
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var row = await _bot.QueryAsync(db => db.Outbox.AsNoTracking().SingleOrDefaultAsync());
            if (row is { Status: OutboxStatus.Sent or OutboxStatus.Failed })
            {
                return row;
            }

            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(30), "the outbox row never reached a final state");
            await Task.Delay(50);
        }
    }
}
