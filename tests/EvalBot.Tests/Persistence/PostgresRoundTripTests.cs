using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EvalBot.Persistence.Entities;
using EvalBot.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Tests.Persistence;

/// <summary>
/// The main flows through the real endpoint with <c>Database:Provider=postgres</c>: an activity processed and its reply
/// delivered, a redelivery ignored, a check-in submitted and its review card delivered to the leader.
/// </summary>
[Collection(PostgresTestGroup.Name)]
public sealed class PostgresRoundTripTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>, IAsyncLifetime
{
    private FakeTeamsConnector _teams = null!;
    private EvalBotFactory _bot = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _teams = await FakeTeamsConnector.StartAsync();
        _bot = new EvalBotFactory(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "postgres",
            ["ConnectionStrings:EvalBot"] = postgres.ConnectionString,
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
    public async Task An_activity_id_as_long_as_its_column_is_answered_and_a_longer_one_refused_with_400()
    {
        var longest = Activities.Message(_teams.ServiceUrl, "help", conversationId: "a:pg-conv-ids", id: new string('x', 256));
        var tooLong = Activities.Message(_teams.ServiceUrl, "help", conversationId: "a:pg-conv-ids", id: new string('y', 257));

        var answered = await _client.PostAsJsonAsync("/api/messages", longest);
        var reply = await _teams.NextAsync(TimeSpan.FromSeconds(30));
        var refused = await _client.PostAsJsonAsync("/api/messages", tooLong);

        Assert.Equal(System.Net.HttpStatusCode.OK, answered.StatusCode);
        Assert.EndsWith("/activities/" + new string('x', 256), reply.DecodedPath, StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(1, await _bot.QueryAsync(db => db.ProcessedActivities.CountAsync(p => p.Key.Contains("a:pg-conv-ids"))));
        Assert.Equal(1, await _bot.QueryAsync(db => db.Outbox.CountAsync(o => o.ConversationId == "a:pg-conv-ids")));
    }

    [Fact]
    public async Task Activities_redeliveries_check_ins_and_the_outbox_work_on_PostgreSQL()
    {
        Assert.True(await _bot.QueryAsync(db => Task.FromResult(db.Database.IsNpgsql())));

        // An activity is processed and its reply delivered through the outbox.
        var message = Activities.Message(_teams.ServiceUrl, "help", conversationId: "a:pg-conv-1");
        (await _client.PostAsJsonAsync("/api/messages", message)).EnsureSuccessStatusCode();
        var reply = await _teams.NextAsync(TimeSpan.FromSeconds(30));
        Assert.Contains("a:pg-conv-1", reply.DecodedPath, StringComparison.Ordinal);
        Assert.NotNull(reply.FirstCard);

        // The same activity delivered again changes nothing.
        (await _client.PostAsJsonAsync("/api/messages", message)).EnsureSuccessStatusCode();
        Assert.Equal(1, await _bot.QueryAsync(db => db.ProcessedActivities.CountAsync()));
        Assert.Equal(1, await _bot.QueryAsync(db => db.Outbox.CountAsync()));

        // A check-in is submitted: decimals, dates and instants round-trip, the review card reaches the leader.
        var now = TimeProvider.System.GetUtcNow();
        var org = await TestOrganisation.CreateAsync(_bot, now);
        var answer = await InvokeAsync(org, "checkin.submit");
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)answer["type"]);

        var report = await _bot.QueryAsync(db => db.CheckInReports.Include(r => r.Lines).SingleAsync());
        Assert.Equal(CheckInStatus.Submitted, report.Status);
        Assert.Equal(org.Staff.Id, report.PersonId);
        Assert.Equal(38.5m, report.Lines.Single(l => l.TargetId == org.StaffTargets[1].Id).OnTime);
        Assert.InRange(report.Score!.Value, 80m, 100m);
        Assert.Equal(new DateOnly(2026, 3, 31), await _bot.QueryAsync(db => db.Targets.Where(t => t.Id == org.StaffTargets[0].Id).Select(t => t.Deadline).SingleAsync()));
        Assert.True(await _bot.QueryAsync(db => db.AuditLog.AnyAsync(a => a.Action == "checkin.submit" && a.Actor == "aad-user-1")));

        var review = await Poll.UntilAsync(async () => await _bot.QueryAsync(db => db.Outbox.SingleAsync(o => o.Kind == "checkin.review")), r => r.Status == OutboxStatus.Sent, TimeSpan.FromSeconds(30));
        Assert.Equal("aad-leader", review.RecipientAadObjectId);
        Assert.Contains(_teams.Received, c => c.Body?.ToJsonString().Contains("checkin.confirm", StringComparison.Ordinal) == true);
        // Every message due is sent. The campaign's tick may also have queued the period's prompts by now: on a day or at
        // an hour outside the organisation's working time they wait for it, as they should.
        var checkedAt = TimeProvider.System.GetUtcNow();
        Assert.All(await _bot.QueryAsync(db => db.Outbox.ToListAsync()), o => Assert.True(
            o.Status == OutboxStatus.Sent || (o.Status == OutboxStatus.Pending && o.Kind == "checkin.prompt" && o.NextAttemptAt > checkedAt),
            $"{o.Kind} to {o.RecipientAadObjectId}: {o.Status}, due {o.NextAttemptAt:O}, {o.LastError}"));
    }

    private async Task<JsonObject> InvokeAsync(TestOrganisation org, string verb)
    {
        string T(int index, string field) => $"target.{org.StaffTargets[index].Id}.{field}";
        var data = new JsonObject
        {
            ["period"] = TestOrganisation.Period,
            [T(0, "done")] = "9",
            [T(0, "qualityOk")] = "8",
            [T(0, "onTime")] = "9",
            [T(0, "evidence")] = "https://vanban.example.gov.vn/1",
            [T(1, "done")] = "40",
            [T(1, "qualityOk")] = "40",
            [T(1, "onTime")] = "38,5",
            [T(1, "evidence")] = "Sổ theo dõi một cửa",
            ["general.politics"] = "9",
            ["general.competence"] = "9",
            ["general.innovation"] = "8",
            ["selfCriticism"] = "Còn chậm ở vài hồ sơ",
        };
        var response = await _client.PostAsJsonAsync("/api/messages", Activities.Invoke(_teams.ServiceUrl, verb, data, conversationId: "a:pg-conv-staff"));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }
}
