using System.Diagnostics;
using EvalBot.Persistence.Entities;
using EvalBot.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Tests.Reliability;

/// <summary>
/// Teams failing in ways beyond status codes (<c>Delivery/OutboxDeliveryTests</c> covers 429 with Retry-After, 5xx
/// retried, 403/404 permanent): no answer within the attempt timeout, a closed connection, 429 without Retry-After.
/// Each is retried, the reply is delivered exactly once, retries are bounded and logged.
/// </summary>
public sealed class ConnectorFaultTests : IAsyncLifetime
{
    private ScriptedTeams _teams = null!;
    private ReliabilityHost _host = null!;

    public async Task InitializeAsync()
    {
        _teams = await ScriptedTeams.StartAsync();
        _host = await ReliabilityHost.StartAsync(
            new Dictionary<string, string?>
            {
                ["Connector:AttemptTimeout"] = "00:00:00.500",
                ["Connector:BaseDelay"] = "00:00:00.050",
                ["Connector:MaxDelay"] = "00:00:01",
                ["Connector:MaxRetryAttempts"] = "3",
                ["Delivery:MaxAttempts"] = "2",
                ["Delivery:RetryBackoff"] = "00:00:00.200",
            },
            sender: true);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _teams.DisposeAsync();
    }

    public static TheoryData<ScriptedTeams.Fault[]> Faults => new()
    {
        new[] { ScriptedTeams.Fault.Hang },
        new[] { ScriptedTeams.Fault.Reset },
        new[] { ScriptedTeams.Fault.TooManyRequestsWithoutRetryAfter },
        new[] { ScriptedTeams.Fault.Reset, ScriptedTeams.Fault.Hang, ScriptedTeams.Fault.ServerError },
    };

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task A_transient_fault_is_retried_and_the_reply_is_delivered_once(ScriptedTeams.Fault[] faults)
    {
        _teams.Then(faults);

        var response = await _host.PostAsync(Activities.Message(_teams.ServiceUrl, "help"));
        response.EnsureSuccessStatusCode();
        var row = await WaitForAsync(o => o.Status == OutboxStatus.Sent);

        Assert.Equal(1, _teams.Delivered);
        Assert.Equal(faults.Length + 1, _teams.Attempts);
        Assert.NotNull(row.SentAt);
        Assert.True(_host.Bot.Logs.Entries.Any(e => e.Message.Contains("OnRetry", StringComparison.Ordinal)), string.Join("\n", _host.Bot.Logs.Entries.Where(e => e.Category.Contains("Polly", StringComparison.Ordinal) || e.Level >= Microsoft.Extensions.Logging.LogLevel.Warning).Select(e => e.ToString())));
    }

    [Fact]
    public async Task A_connector_that_never_answers_is_given_up_on_after_bounded_attempts_and_recorded()
    {
        _teams.Always = ScriptedTeams.Fault.Hang;
        var clock = Stopwatch.StartNew();

        var response = await _host.PostAsync(Activities.Message(_teams.ServiceUrl, "help"));
        response.EnsureSuccessStatusCode();
        var row = await WaitForAsync(o => o.Status == OutboxStatus.Failed);

        // Delivery:MaxAttempts (2) sender attempts, each of at most 1 + Connector:MaxRetryAttempts (3) HTTP attempts.
        Assert.Equal(0, _teams.Delivered);
        Assert.InRange(_teams.Attempts, 2, 8);
        Assert.Equal(2, row.Attempts);
        Assert.False(string.IsNullOrEmpty(row.LastError));
        Assert.Contains(_host.Bot.Logs.Entries, e => e.Message.Contains("failed on attempt", StringComparison.Ordinal));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), clock.Elapsed.ToString());
    }

    private async Task<OutboxMessage> WaitForAsync(Func<OutboxMessage, bool> done)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var rows = await _host.Bot.QueryAsync(db => db.Outbox.AsNoTracking().ToListAsync());
            if (rows.Count == 1 && done(rows[0]))
            {
                return rows[0];
            }

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"outbox: {string.Join(", ", rows.Select(r => $"{r.Status}/{r.Attempts}/{r.LastError}"))}");
            await Task.Delay(100);
        }
    }
}
