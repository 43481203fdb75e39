using System.Net.Http.Json;
using EvalBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using static EvalBot.Tests.Features.CheckIns.Campaigns.CampaignScheduleTests;

namespace EvalBot.Tests.Features.CheckIns.Campaigns;

/// <summary>
/// A message sent outside a turn (the period's check-in prompt) is in the person's language: their preference, else the
/// language of the Teams client they last wrote from, else Vietnamese; the same rule as the answers in a chat.
/// </summary>
public sealed class CampaignLanguageTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(Utc(2026, 5, 4, 2));
    private FakeTeamsConnector _teams = null!;
    private EvalBotFactory _app = null!;

    public async Task InitializeAsync()
    {
        _teams = await FakeTeamsConnector.StartAsync();
        _app = CampaignHost.Create(CampaignHost.NewFolder(), _clock);
        await _app.SeedAsync(db =>
        {
            var unit = CampaignSeed.Unit(db, "u1", "month");
            CampaignSeed.Person(db, unit, "english-client");
            CampaignSeed.Person(db, unit, "prefers-vi", language: "vi");
            CampaignSeed.Person(db, unit, "never-wrote");
            db.SaveChanges();
            CampaignSeed.KnownTenant(db, _teams.ServiceUrl, _clock.GetUtcNow());
            return Task.CompletedTask;
        });
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _teams.DisposeAsync();
    }

    [Fact]
    public async Task The_prompt_follows_the_preference_else_the_Teams_client_last_written_from_else_Vietnamese()
    {
        using var client = _app.CreateClient();
        foreach (var who in new[] { "english-client", "prefers-vi" })
        {
            var message = Activities.Message(_teams.ServiceUrl, "trợ giúp", userAad: "aad-" + who, conversationId: "a:conv-" + who, locale: "en-US");
            message["conversation"]!["tenantId"] = CampaignSeed.Tenant;
            message["channelData"]!["tenant"]!["id"] = CampaignSeed.Tenant;
            (await client.PostAsJsonAsync("/api/messages", message)).EnsureSuccessStatusCode();
        }

        Assert.Equal(["en", "en", null], await _app.QueryAsync(db => db.People.OrderBy(p => p.Id).Select(p => p.SeenLanguage).ToListAsync()));
        await _app.OpenAsync("2026-04");

        var byPerson = (await _app.QueryAsync(db => db.Outbox.Where(o => o.Kind == "checkin.prompt").Join(db.People, o => o.PersonId, p => p.Id, (o, p) => new { p.ExternalId, o.ActivityJson }).ToListAsync()))
            .ConvertAll(p => new { p.ExternalId, ActivityJson = System.Text.Json.Nodes.JsonNode.Parse(p.ActivityJson).Readable() });
        Assert.Contains("Results report", byPerson.Single(p => p.ExternalId == "english-client").ActivityJson, StringComparison.Ordinal);
        Assert.Contains("Báo cáo kết quả", byPerson.Single(p => p.ExternalId == "prefers-vi").ActivityJson, StringComparison.Ordinal);
        Assert.Contains("Báo cáo kết quả", byPerson.Single(p => p.ExternalId == "never-wrote").ActivityJson, StringComparison.Ordinal);
    }
}
