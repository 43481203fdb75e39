using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EvalBot.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Tests.MultiInstance;

/// <summary>
/// The README's "Two instances locally" walk-through on PostgreSQL: the first instance migrates and seeds the demo
/// (instants with a +07:00 offset among them, stored in UTC), the second joins the same database, both list the same
/// clustered jobs, a period opens through the second, and a Playground-shaped message is answered by either.
/// </summary>
[Collection(PostgresTestGroup.Name)]
public sealed class DemoOnPostgresTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    [Fact]
    public async Task The_demo_seeds_on_PostgreSQL_and_two_instances_run_the_readme_walk_through()
    {
        await using var teams = await FakeTeamsConnector.StartAsync();
        var settings = Cluster.Settings(postgres.ConnectionString);
        settings["EvalBot__SeedDemo"] = "true";
        await using var a = await BotProcess.StartAsync("A", settings);
        settings["EvalBot__SeedDemo"] = "false";
        await using var b = await BotProcess.StartAsync("B", settings);

        await using var db = Cluster.Db(postgres);
        Assert.Equal(30, await db.People.CountAsync());
        Assert.True(await db.CheckInReports.AnyAsync(r => r.ReviewedAt != null));
        var jobsA = (await a.Http.GetFromJsonAsync<JsonObject>(new Uri("admin/jobs", UriKind.Relative)))?["jobs"]?.AsArray();
        var jobsB = (await b.Http.GetFromJsonAsync<JsonObject>(new Uri("admin/jobs", UriKind.Relative)))?["jobs"]?.AsArray();
        Assert.Equal(Names(jobsA), Names(jobsB));
        Assert.NotEmpty(Names(jobsA));

        var quarter = Cluster.PastQuarter(0);
        using var open = await b.Http.PostAsync(new Uri($"admin/periods/{quarter}/open", UriKind.Relative), null);
        Assert.True(open.StatusCode == HttpStatusCode.OK, $"{open.StatusCode}: {await open.Content.ReadAsStringAsync()}\n{b.Tail()}");
        Assert.True(await db.CheckInCampaigns.AnyAsync(c => c.Period == quarter));

        // Alex (the Playground's default user) asks for help on A, then for his check-in card on B.
        const string alex = "00000000-0000-0000-0000-0000000000020";
        foreach (var (bot, text) in new[] { (a, "trợ giúp"), (b, "báo cáo") })
        {
            using var response = await bot.Http.PostAsJsonAsync(new Uri("api/messages", UriKind.Relative), Activities.Message(teams.ServiceUrl, text, userAad: alex, conversationId: "a:alex"));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}\n{bot.Tail()}");
        }

        Assert.Equal(2, await db.Outbox.CountAsync(o => o.ConversationId == "a:alex"));
        Assert.False(a.HasExited);
        Assert.False(b.HasExited);
    }

    private static List<string> Names(JsonArray? jobs) =>
        [.. (jobs ?? []).Select(j => (string?)j?["name"] ?? (string?)j?["key"] ?? j?.ToJsonString() ?? "").Order(StringComparer.Ordinal)];
}
