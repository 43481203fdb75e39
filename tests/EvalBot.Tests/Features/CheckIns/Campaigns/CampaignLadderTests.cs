using System.Text.Json.Nodes;
using EvalBot.Features.CheckIns.Campaigns;
using EvalBot.Persistence.Entities;
using EvalBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using static EvalBot.Tests.Features.CheckIns.Campaigns.CampaignScheduleTests;

namespace EvalBot.Tests.Features.CheckIns.Campaigns;

/// <summary>
/// One campaign from opening to close on a fake clock (month 2026-04, opened Monday 4 May): reminders after 3 and 7
/// working days to those who have not submitted, the direct leader after 8, the head after 10, the close after 15.
/// </summary>
public sealed class CampaignLadderTests : IAsyncLifetime
{
    private const string Period = "2026-04";
    private readonly FakeTimeProvider _clock = new(Utc(2026, 4, 30, 3));
    private EvalBotFactory _app = null!;
    private Dictionary<string, long> _ids = [];

    public async Task InitializeAsync()
    {
        _app = CampaignHost.Create(CampaignHost.NewFolder(), _clock, sender: false);
        await _app.SeedAsync(db =>
        {
            var unit = CampaignSeed.Unit(db, "u1", "month");
            var head = CampaignSeed.Person(db, unit, "head");
            var leader = CampaignSeed.Person(db, unit, "leader", manager: head);
            CampaignSeed.Person(db, unit, "a", manager: leader);
            CampaignSeed.Person(db, unit, "b", manager: leader, language: "en");
            CampaignSeed.Person(db, unit, "c", manager: leader);
            db.SaveChanges();
            unit.HeadPersonId = head.Id;
            CampaignSeed.KnownTenant(db, "http://127.0.0.1:9/teams/", _clock.GetUtcNow());
            return Task.CompletedTask;
        });
        _ids = await _app.QueryAsync(db => db.People.ToDictionaryAsync(p => p.ExternalId, p => p.Id));
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Reminders_go_to_non_responders_then_leaders_get_digests_then_the_period_closes()
    {
        await TickAtAsync(Utc(2026, 5, 4, 1));
        await _app.SeedAsync(db =>
        {
            CampaignSeed.Submitted(db, new Person { Id = _ids["c"], ExternalId = "c", FullName = "c" }, Period, _clock.GetUtcNow());
            return Task.CompletedTask;
        });

        await TickAtAsync(Utc(2026, 5, 7, 1).AddMinutes(-1));
        Assert.Empty(await RowsAsync(CampaignKeys.ReminderKind(1)));

        await TickAtAsync(Utc(2026, 5, 7, 1));
        Assert.Equal(["a", "b", "head", "leader"], await RecipientsAsync(CampaignKeys.ReminderKind(1)));
        Assert.Contains("Reminder: you have not submitted", Row(await RowsAsync(CampaignKeys.ReminderKind(1)), "b").ActivityJson, StringComparison.Ordinal);

        await TickAtAsync(Utc(2026, 5, 13, 1));
        Assert.Equal(["a", "b", "head", "leader"], await RecipientsAsync(CampaignKeys.ReminderKind(2)));

        await TickAtAsync(Utc(2026, 5, 14, 1));
        var leaders = await RowsAsync(CampaignKeys.EscalationKind(1));
        Assert.Equal(["head", "leader"], await RecipientsAsync(CampaignKeys.EscalationKind(1)));
        Assert.Equal(["Người a", "Người b"], Names(Row(leaders, "leader")));
        Assert.Equal(["Người leader"], Names(Row(leaders, "head")));
        Assert.Equal(Utc(2026, 5, 14, 1), Row(leaders, "leader").NextAttemptAt);

        await TickAtAsync(Utc(2026, 5, 18, 1));
        var heads = await RowsAsync(CampaignKeys.EscalationKind(2));
        Assert.Equal(["Người a", "Người b", "Người leader"], Names(Assert.Single(heads)));

        await TickAtAsync(Utc(2026, 5, 25, 1).AddMinutes(-1));
        Assert.Null((await CampaignAsync()).ClosedAt);
        await TickAtAsync(Utc(2026, 5, 25, 1));
        Assert.Equal(Utc(2026, 5, 25, 1), (await CampaignAsync()).ClosedAt);

        await TickAtAsync(Utc(2026, 5, 26, 1));
        Assert.Equal(5 + 4 + 4 + 2 + 1, (await RowsAsync(null)).Count);
    }

    [Fact]
    public async Task After_downtime_only_the_latest_due_reminder_is_sent()
    {
        await TickAtAsync(Utc(2026, 5, 4, 1));

        await TickAtAsync(Utc(2026, 5, 13, 2));
        await TickAtAsync(Utc(2026, 5, 13, 3));

        Assert.Empty(await RowsAsync(CampaignKeys.ReminderKind(1)));
        Assert.Equal(5, (await RowsAsync(CampaignKeys.ReminderKind(2))).Count);
    }

    private OutboxMessage Row(List<OutboxMessage> rows, string person) => rows.Single(r => r.PersonId == _ids[person]);

    private static List<string> Names(OutboxMessage row)
    {
        var card = JsonNode.Parse(row.ActivityJson)!["attachments"]![0]!["content"]!;
        return [.. Texts(card).Where(t => System.Text.RegularExpressions.Regex.IsMatch(t, "^Người [a-z]+$")).Distinct().Order(StringComparer.Ordinal)];
    }

    private static IEnumerable<string> Texts(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => Texts(p.Value)),
        JsonArray a => a.SelectMany(Texts),
        JsonValue v when v.TryGetValue<string>(out var s) => [s],
        _ => [],
    };

    private async Task<List<string>> RecipientsAsync(string kind)
    {
        var byId = _ids.ToDictionary(p => p.Value, p => p.Key);
        return [.. (await RowsAsync(kind)).Select(r => byId[r.PersonId!.Value]).Order(StringComparer.Ordinal)];
    }

    private async Task TickAtAsync(DateTimeOffset at)
    {
        _clock.SetUtcNow(at);
        await _app.TickAsync();
    }

    private Task<CheckInCampaign> CampaignAsync() => _app.QueryAsync(db => db.CheckInCampaigns.AsNoTracking().SingleAsync(c => c.Period == Period));

    private Task<List<OutboxMessage>> RowsAsync(string? kind) =>
        _app.QueryAsync(db => db.Outbox.AsNoTracking().Where(o => o.Period == Period && (kind == null || o.Kind == kind)).OrderBy(o => o.Id).ToListAsync());
}
