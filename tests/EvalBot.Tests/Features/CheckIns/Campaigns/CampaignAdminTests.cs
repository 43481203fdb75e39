using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EvalBot.Persistence.Entities;
using EvalBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using static EvalBot.Tests.Features.CheckIns.Campaigns.CampaignScheduleTests;

namespace EvalBot.Tests.Features.CheckIns.Campaigns;

/// <summary>The campaign admin endpoints: strict period labels, the admin key, counts with reasons, delivery report, close.</summary>
public sealed class CampaignAdminTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(Utc(2026, 5, 4, 2));
    private FakeTeamsConnector _teams = null!;
    private EvalBotFactory _app = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _teams = await FakeTeamsConnector.StartAsync();
        _app = CampaignHost.Create(CampaignHost.NewFolder(), _clock);
        await _app.SeedAsync(db =>
        {
            var unit = CampaignSeed.Unit(db, "u1", "month");
            CampaignSeed.Person(db, unit, "reachable");
            CampaignSeed.Person(db, unit, "no-teams", aad: null);
            var away = CampaignSeed.Person(db, unit, "away");
            db.SaveChanges();
            CampaignSeed.Leave(db, away, new DateOnly(2026, 4, 1), new DateOnly(2026, 6, 30));
            CampaignSeed.KnownTenant(db, _teams.ServiceUrl, _clock.GetUtcNow());
            return Task.CompletedTask;
        });
        _client = _app.CreateClient();
        _client.DefaultRequestHeaders.Add("X-Admin-Key", CampaignHost.AdminKey);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
        await _teams.DisposeAsync();
    }

    [Theory]
    [InlineData("2026-Q5", "quarter must be 1–4")]
    [InlineData("2026-13", "month must be 01–12")]
    [InlineData("26-Q1", "not a period")]
    [InlineData("2026-q1", "not a period")]
    [InlineData("2019-Q4", "outside the working calendar")]
    public async Task A_malformed_period_is_refused_with_a_message(string period, string message)
    {
        var open = await _client.PostAsync($"/admin/periods/{period}/open", null);
        var deliveries = await _client.GetAsync($"/admin/periods/{period}/deliveries");

        Assert.Equal(HttpStatusCode.BadRequest, open.StatusCode);
        Assert.Contains(message, (string?)(await open.Content.ReadFromJsonAsync<JsonObject>())!["error"], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, deliveries.StatusCode);
        Assert.Equal(0, await _app.QueryAsync(db => db.CheckInCampaigns.CountAsync()));
    }

    [Theory]
    [InlineData("POST", "/admin/periods/2026-04/open")]
    [InlineData("POST", "/admin/periods/2026-04/close")]
    [InlineData("GET", "/admin/periods/2026-04/deliveries")]
    [InlineData("GET", "/admin/jobs")]
    public async Task Without_the_admin_key_every_endpoint_answers_401(string method, string path)
    {
        using var anonymous = _app.CreateClient();

        var response = await anonymous.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, await _app.QueryAsync(db => db.CheckInCampaigns.CountAsync()));
    }

    [Fact]
    public async Task Opening_reports_counts_with_reasons_is_audited_and_a_second_call_queues_nothing()
    {
        var first = await OpenAsync();
        var second = await OpenAsync();

        Assert.Equal(1, (int)first["queued"]!);
        Assert.Equal(2, (int)first["skipped"]!);
        Assert.Equal(1, (int)first["skippedByReason"]!["onLeaveUntilClose"]!);
        Assert.Equal(1, (int)first["skippedByReason"]!["noTeamsIdentity"]!);
        Assert.Equal(0, (int)second["queued"]!);
        Assert.Equal(1, (int)second["alreadyQueued"]!);
        Assert.Equal(2, await _app.QueryAsync(db => db.AuditLog.CountAsync(a => a.Action == "campaign.open-requested" && a.Actor == "admin" && a.EntityId == "2026-04")));
        Assert.Equal("admin", await _app.QueryAsync(db => db.CheckInCampaigns.Select(c => c.OpenedBy).SingleAsync()));
    }

    [Fact]
    public async Task The_delivery_report_shows_a_permanent_403_as_failed_with_its_status()
    {
        _teams.FailNext(403, code: "MessageWritesBlocked");

        await OpenAsync();
        await WaitForFinalAsync();
        var report = (await _client.GetFromJsonAsync<JsonObject>("/admin/periods/2026-04/deliveries"))!;

        var delivery = Assert.Single(report["deliveries"]!.AsArray())!;
        Assert.Equal("reachable", (string?)delivery["personExternalId"]);
        Assert.Equal("Người reachable", (string?)delivery["name"]);
        Assert.Equal("checkin.prompt", (string?)delivery["kind"]);
        Assert.Equal("Failed", (string?)delivery["status"]);
        Assert.Equal(403, (int)delivery["lastStatusCode"]!);
        Assert.Equal(1, (int)delivery["attempts"]!);
        Assert.Contains("MessageWritesBlocked", (string?)delivery["lastError"], StringComparison.Ordinal);
        Assert.Equal(1, (int)report["totals"]!["failed"]!);
        Assert.Equal(1, (int)report["totals"]!["total"]!);
    }

    [Fact]
    public async Task A_delivered_prompt_is_reported_sent_with_its_time()
    {
        await OpenAsync();
        await WaitForFinalAsync();
        var report = (await _client.GetFromJsonAsync<JsonObject>("/admin/periods/2026-04/deliveries"))!;

        var delivery = Assert.Single(report["deliveries"]!.AsArray())!;
        Assert.Equal("Sent", (string?)delivery["status"]);
        Assert.Equal(_clock.GetUtcNow(), DateTimeOffset.Parse((string)delivery["sentAt"]!, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Closing_sets_the_close_and_a_closed_period_cannot_be_reopened()
    {
        var missing = await _client.PostAsync("/admin/periods/2026-03/close", null);
        await OpenAsync();

        var close = await _client.PostAsync("/admin/periods/2026-04/close", null);
        var reopen = await _client.PostAsync("/admin/periods/2026-04/open", null);

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.OK, close.StatusCode);
        Assert.Equal(_clock.GetUtcNow(), await _app.QueryAsync(db => db.CheckInCampaigns.Select(c => c.ClosedAt).SingleAsync()));
        Assert.Equal(HttpStatusCode.Conflict, reopen.StatusCode);
    }

    private async Task<JsonObject> OpenAsync()
    {
        var response = await _client.PostAsync("/admin/periods/2026-04/open", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private async Task WaitForFinalAsync()
    {
        var deadline = System.Diagnostics.Stopwatch.StartNew();
        while (await _app.QueryAsync(db => db.Outbox.AnyAsync(o => o.Status == OutboxStatus.Pending || o.Status == OutboxStatus.Sending)))
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(30), "the outbox never settled");
            await Task.Delay(50);
        }
    }
}
