using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EvalBot.Tests.Features.CheckIns.Campaigns;
using EvalBot.Tests.Support;
using Microsoft.Data.Sqlite;

namespace EvalBot.Tests.Scheduling;

/// <summary>
/// Quartz runs on a persistent store in the app's own SQLite file: its tables are created there on start-up, the
/// campaign tick is stored once under its fixed key, and the admin API reports its next fire time.
/// </summary>
public sealed class SchedulingTests
{
    /// <summary>The scheduler starts after the app has started: how long to poll for it.</summary>
    private static readonly TimeSpan SchedulerStart = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Quartz_creates_its_tables_in_the_app_database_file()
    {
        var folder = CampaignHost.NewFolder();
        await using var app = CampaignHost.Create(folder, scheduling: true);
        using var client = app.CreateClient();

        var tables = await Poll.UntilAsync(() => TablesAsync(folder), t => t.Contains("QRTZ_TRIGGERS") && t.Contains("QRTZ_JOB_DETAILS"), SchedulerStart);

        Assert.Contains("QRTZ_SIMPLE_TRIGGERS", tables);
        Assert.Contains("QRTZ_LOCKS", tables);
        Assert.Contains("checkin_campaigns", tables);
    }

    [Fact]
    public async Task The_jobs_endpoint_lists_the_campaign_tick_with_its_next_fire_time_and_a_restart_keeps_one()
    {
        var folder = CampaignHost.NewFolder();
        for (var run = 0; run < 2; run++)
        {
            await using var app = CampaignHost.Create(folder, scheduling: true);
            using var client = app.CreateClient();
            client.DefaultRequestHeaders.Add("X-Admin-Key", CampaignHost.AdminKey);

            var jobs = await Poll.UntilAsync(async () => (await client.GetFromJsonAsync<JsonObject>("/admin/jobs"))!, j => j["jobs"]!.AsArray().Count > 0, SchedulerStart);

            var tick = Assert.Single(jobs["jobs"]!.AsArray(), j => (string?)j!["name"] == "campaign-tick")!;
            Assert.Equal("campaigns", (string?)tick["group"]);
            Assert.True((bool)tick["disallowsConcurrentExecution"]!);
            var trigger = Assert.Single(tick["triggers"]!.AsArray())!;
            var next = DateTimeOffset.Parse((string)trigger["nextFireTimeUtc"]!, System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(TimeSpan.Zero, next.Offset);
            Assert.Single(await TableRowsAsync(folder, "SELECT JOB_NAME FROM QRTZ_JOB_DETAILS WHERE JOB_NAME = 'campaign-tick'"));
        }
    }

    [Fact]
    public async Task With_scheduling_off_the_jobs_endpoint_says_so()
    {
        await using var app = CampaignHost.Create(CampaignHost.NewFolder());
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("X-Admin-Key", CampaignHost.AdminKey);

        var jobs = await client.GetFromJsonAsync<JsonObject>("/admin/jobs");

        Assert.False((bool)jobs!["enabled"]!);
    }

    private static Task<List<string>> TablesAsync(string folder) => TableRowsAsync(folder, "SELECT name FROM sqlite_master WHERE type = 'table'");

    private static async Task<List<string>> TableRowsAsync(string folder, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(folder, "evalbot.db")};Pooling=False;Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var names = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }
}
