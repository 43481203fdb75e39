using EvalBot.Features.CheckIns.Campaigns;
using EvalBot.Persistence.Entities;
using EvalBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace EvalBot.Tests.Features.CheckIns.Campaigns;

/// <summary>
/// The tick, driven by a fake clock: campaigns open on the first working day after the period at 08:00 in Việt Nam
/// (past 30/4–1/5, New Year and configured days off), people are prompted in their own morning and after their leave.
/// </summary>
public sealed class CampaignScheduleTests : IAsyncLifetime
{
    private readonly string _folder = CampaignHost.NewFolder();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 4, 30, 3, 0, 0, TimeSpan.Zero));
    private EvalBotFactory _app = null!;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_month_ending_on_30_April_opens_after_the_holidays_at_8_in_Viet_Nam()
    {
        await StartAsync(periodKind: "month");

        await TickAtAsync(new DateTimeOffset(2026, 5, 1, 2, 0, 0, TimeSpan.Zero));
        await TickAtAsync(new DateTimeOffset(2026, 5, 4, 0, 59, 0, TimeSpan.Zero));
        Assert.Null(await CampaignAsync("2026-04"));

        await TickAtAsync(Utc(2026, 5, 4, 1));
        var campaign = await CampaignAsync("2026-04");
        var prompt = Assert.Single(await RowsAsync("2026-04"));

        Assert.NotNull(campaign);
        Assert.Equal("schedule", campaign.OpenedBy);
        Assert.Equal(Utc(2026, 5, 4, 1), campaign.OpenedAt);
        Assert.Equal(Utc(2026, 5, 25, 1), campaign.ClosesAt);
        Assert.NotNull(campaign.PromptsQueuedAt);
        Assert.Equal(CampaignKeys.PromptKind, prompt.Kind);
        Assert.Equal(Utc(2026, 5, 4, 1), prompt.NextAttemptAt);
    }

    [Fact]
    public async Task A_quarter_ending_before_New_Year_opens_on_the_first_working_day_of_January()
    {
        _clock.SetUtcNow(new DateTimeOffset(2026, 12, 31, 3, 0, 0, TimeSpan.Zero));
        await StartAsync(periodKind: "quarter");

        await TickAtAsync(new DateTimeOffset(2027, 1, 1, 3, 0, 0, TimeSpan.Zero));
        await TickAtAsync(new DateTimeOffset(2027, 1, 4, 0, 59, 0, TimeSpan.Zero));
        Assert.Null(await CampaignAsync("2026-Q4"));

        await TickAtAsync(Utc(2027, 1, 4, 1));

        Assert.NotNull(await CampaignAsync("2026-Q4"));
        Assert.Equal(Utc(2027, 1, 4, 1), Assert.Single(await RowsAsync("2026-Q4")).NextAttemptAt);
    }

    [Fact]
    public async Task A_day_off_announced_in_configuration_moves_the_opening()
    {
        _clock.SetUtcNow(new DateTimeOffset(2026, 6, 30, 3, 0, 0, TimeSpan.Zero));
        await StartAsync(periodKind: "month", extra: new Dictionary<string, string?> { ["Calendar:ExtraDaysOff:0"] = "2026-07-01" });

        await TickAtAsync(Utc(2026, 7, 1, 1));
        Assert.Null(await CampaignAsync("2026-06"));

        await TickAtAsync(Utc(2026, 7, 2, 1));
        Assert.NotNull(await CampaignAsync("2026-06"));
    }

    [Fact]
    public async Task People_are_prompted_in_their_own_morning_after_their_leave_and_never_on_leave_until_the_close()
    {
        await StartAsync(periodKind: "month", seed: (db, unit) =>
        {
            CampaignSeed.Person(db, unit, "paris", zone: "Europe/Paris", language: "en");
            var back = CampaignSeed.Person(db, unit, "back-on-7-may");
            var away = CampaignSeed.Person(db, unit, "away-all-month");
            CampaignSeed.Person(db, unit, "no-teams", aad: null);
            db.SaveChanges();
            CampaignSeed.Leave(db, back, new DateOnly(2026, 5, 1), new DateOnly(2026, 5, 6));
            CampaignSeed.Leave(db, away, new DateOnly(2026, 4, 20), new DateOnly(2026, 6, 30));
        });

        var results = await TickAtAsync(Utc(2026, 5, 4, 1));
        var rows = await RowsAsync("2026-04");
        DateTimeOffset NotBefore(string person) => rows.Single(r => r.DedupeKey == CampaignKeys.Prompt("2026-04", PersonId(person))).NextAttemptAt;

        Assert.Equal(3, rows.Count);
        Assert.Equal(Utc(2026, 5, 4, 1), NotBefore("p1"));
        Assert.Equal(Utc(2026, 5, 4, 6), NotBefore("paris"));
        Assert.Equal(Utc(2026, 5, 7, 1), NotBefore("back-on-7-may"));
        Assert.Contains("The reporting period is open.", rows.Single(r => r.DedupeKey.EndsWith(":" + PersonId("paris"), StringComparison.Ordinal)).ActivityJson, StringComparison.Ordinal);
        Assert.Contains("Kỳ báo cáo đã mở.", rows.Single(r => r.DedupeKey.EndsWith(":" + PersonId("p1"), StringComparison.Ordinal)).ActivityJson, StringComparison.Ordinal);
        var open = Assert.Single(results);
        Assert.Equal(new Dictionary<string, int> { [SkipReasons.OnLeave] = 1, [SkipReasons.NoTeamsIdentity] = 1 }, open.SkippedByReason);
    }

    [Fact]
    public async Task Ticking_again_queues_nothing_new()
    {
        await StartAsync(periodKind: "month");
        await TickAtAsync(Utc(2026, 5, 4, 1));

        var again = await TickAtAsync(Utc(2026, 5, 4, 1).AddMinutes(15));

        Assert.Empty(again);
        Assert.Single(await RowsAsync("2026-04"));
    }

    private Dictionary<string, long> _ids = [];

    private long PersonId(string externalId) => _ids[externalId];

    internal static DateTimeOffset Utc(int year, int month, int day, int hour) => new(year, month, day, hour, 0, 0, TimeSpan.Zero);

    private async Task StartAsync(string periodKind, Action<EvalBot.Persistence.EvalBotDbContext, Unit>? seed = null, IDictionary<string, string?>? extra = null)
    {
        _app = CampaignHost.Create(_folder, _clock, sender: false, extra: extra);
        await _app.SeedAsync(db =>
        {
            var unit = CampaignSeed.Unit(db, "u1", periodKind);
            CampaignSeed.Person(db, unit, "p1");
            CampaignSeed.KnownTenant(db, "http://127.0.0.1:9/teams/", _clock.GetUtcNow());
            seed?.Invoke(db, unit);
            return Task.CompletedTask;
        });
        _ids = await _app.QueryAsync(db => db.People.ToDictionaryAsync(p => p.ExternalId, p => p.Id));
    }

    private async Task<IReadOnlyList<CampaignStepResult>> TickAtAsync(DateTimeOffset at)
    {
        _clock.SetUtcNow(at);
        return await _app.TickAsync();
    }

    private Task<CheckInCampaign?> CampaignAsync(string period) =>
        _app.QueryAsync(db => db.CheckInCampaigns.AsNoTracking().SingleOrDefaultAsync(c => c.Period == period));

    private Task<List<OutboxMessage>> RowsAsync(string period) =>
        _app.QueryAsync(db => db.Outbox.AsNoTracking().Where(o => o.Period == period).OrderBy(o => o.Id).ToListAsync());
}
