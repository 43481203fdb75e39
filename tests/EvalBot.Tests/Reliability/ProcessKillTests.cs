using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EvalBot.Tests.Support;
using Microsoft.Data.Sqlite;

namespace EvalBot.Tests.Reliability;

/// <summary>
/// The real bot process (<c>dotnet EvalBot.dll</c>) on a temporary SQLite file, killed (SIGKILL) while turns are in
/// flight, restarted, and sent every activity again as Teams redelivers unanswered ones: each is applied exactly once.
/// (A campaign killed mid-way is covered by <c>Features/CheckIns/Campaigns/CampaignCrashTests</c>.)
/// </summary>
public sealed class ProcessKillTests : IAsyncLifetime
{
    private const int Turns = 40;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "evalbot-rel-kill", Guid.NewGuid().ToString("N"));
    private FakeTeamsConnector _teams = null!;

    private string ConnectionString => $"Data Source={Path.Combine(_folder, "evalbot.db")}";

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        _teams = await FakeTeamsConnector.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _teams.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Turns_in_flight_when_the_process_is_killed_are_applied_exactly_once_after_restart_and_redelivery()
    {
        var activities = Enumerable.Range(0, Turns)
            .Select(i => i % 4 == 0
                ? Activities.Install(_teams.ServiceUrl, userAad: $"aad-kill-{i}", conversationId: $"a:kill-{i}")
                : Activities.Message(_teams.ServiceUrl, "help", userAad: $"aad-kill-{i}", conversationId: $"a:kill-{i}", id: $"kill-{i}"))
            .ToList();
        foreach (var (activity, i) in activities.Select((a, i) => (a, i)))
        {
            activity["id"] = $"kill-{i}";
        }

        await using (var first = await BotProcess.StartAsync("first", Settings()))
        {
            var inFlight = activities.Select(a => PostQuietlyAsync(first.Http, a)).ToList();
            await Task.Delay(150);
            first.Kill();
            await Task.WhenAll(inFlight);
        }

        await using (var second = await BotProcess.StartAsync("second", Settings()))
        {
            foreach (var activity in activities)
            {
                var response = await second.Http.PostAsJsonAsync("api/messages", activity);
                Assert.True(response.IsSuccessStatusCode, second.Tail());
            }

            // Twice: the second redelivery must change nothing at all.
            var once = await DbSnapshot.TakeAsync(ConnectionString);
            foreach (var activity in activities)
            {
                (await second.Http.PostAsJsonAsync("api/messages", activity)).EnsureSuccessStatusCode();
            }

            Assert.Empty(once.Differences(await DbSnapshot.TakeAsync(ConnectionString), "outbox"));
        }

        await using var connection = new SqliteConnection(ConnectionString + ";Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        Assert.Equal(Turns, await CountAsync(connection, "SELECT count(*) FROM processed_activities WHERE Key LIKE 'msteams|a:kill-%|kill-%'"));
        Assert.Equal(Turns * 3 / 4, await CountAsync(connection, "SELECT count(DISTINCT ReplyToId) FROM outbox WHERE ReplyToId LIKE 'kill-%'"));
        Assert.Equal(Turns * 3 / 4, await CountAsync(connection, "SELECT count(*) FROM outbox WHERE ReplyToId LIKE 'kill-%'"));
        Assert.Equal(Turns / 4, await CountAsync(connection, "SELECT count(*) FROM outbox WHERE Kind = 'welcome'"));
    }

    private Dictionary<string, string> Settings()
    {
        var settings = BotProcess.Settings(ConnectionString);
        settings["Database__Provider"] = "sqlite";
        settings["Scheduling__Enabled"] = "false";
        return settings;
    }

    private static async Task PostQuietlyAsync(HttpClient http, JsonObject activity)
    {
        try
        {
            using var response = await http.PostAsJsonAsync("api/messages", activity);
        }
        catch (HttpRequestException)
        {
            // The process died under this request: Teams would redeliver it.
        }
        catch (TaskCanceledException)
        {
        }
    }

    private static async Task<long> CountAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
