using System.Diagnostics;
using System.Net;
using EvalBot.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Tests.Reliability;

/// <summary>
/// The SQLite database write-locked by another connection (a backup tool, a second process, an operator's shell):
/// the turn waits (busy_timeout, 10 s) and then succeeds, once; a redelivery afterwards changes nothing.
/// </summary>
public sealed class DatabaseLockTests(ReliabilityHostFixture fixture) : IClassFixture<ReliabilityHostFixture>
{
    private readonly ReliabilityHost _host = fixture.Host;

    [Fact]
    public async Task A_turn_waits_for_a_write_lock_held_elsewhere_then_succeeds_once()
    {
        var activity = Activities.Invoke(_host.Teams.ServiceUrl, "checkin.submit", _host.ValidReport());
        await using var other = new SqliteConnection(_host.ConnectionString);
        await other.OpenAsync();
        await using (var begin = other.CreateCommand())
        {
            begin.CommandText = "BEGIN IMMEDIATE; INSERT INTO processed_activities (Key, ProcessedAt) VALUES ('lock-holder', 0);";
            await begin.ExecuteNonQueryAsync();
        }

        var clock = Stopwatch.StartNew();
        var turn = _host.PostAsync(activity);
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        Assert.False(turn.IsCompleted, "the turn should be waiting for the lock");
        await using (var rollback = other.CreateCommand())
        {
            rollback.CommandText = "ROLLBACK;";
            await rollback.ExecuteNonQueryAsync();
        }

        var response = await turn;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(1.5));
        Assert.Equal(1, await _host.Bot.QueryAsync(db => db.CheckInReports.CountAsync()));
        var before = await _host.SnapshotAsync();
        (await _host.PostAsync(activity)).EnsureSuccessStatusCode();
        Assert.Empty(before.Differences(await _host.SnapshotAsync()));
    }
}
