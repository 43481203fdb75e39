using System.Text.Json.Nodes;
using EvalBot.Persistence.Entities;
using EvalBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EvalBot.Tests.Features.Classification;

/// <summary>
/// The competent level the organisation file names for a unit: their <c>xếp loại</c> brings the unit's cases the rules
/// could not decide, each with the decision form; they decide those and no others; nobody else may.
/// </summary>
public sealed class CompetentCasesTests : IAsyncLifetime
{
    private ClassificationHost _host = null!;
    private Dictionary<string, long> _ids = null!;

    public async Task InitializeAsync()
    {
        _host = await ClassificationHost.StartAsync(
            excellent: 1, good: 2, services: s => s.AddSingleton<TimeProvider>(new ShiftedTimeProvider(new DateTimeOffset(2026, 12, 10, 3, 0, 0, TimeSpan.Zero))));
        await _host.CompileAsync();
        await _host.GiveReviewStepsAsync();
        _ids = await _host.Bot.QueryAsync(db => db.People.ToDictionaryAsync(p => p.ExternalId, p => p.Id));
        await _host.Bot.QueryAsync(async db =>
        {
            // The chair above ("aad-top") is the competent level of the team; P-01 is a case the rules left to them, and
            // so is the head of the agency's own row (not the team's).
            await db.Units.Where(u => u.ExternalId == "TEAM").ExecuteUpdateAsync(u => u.SetProperty(x => x.CompetentPersonId, _ids["P-TOP"]));
            return await db.Set<ClassificationRecord>().Where(r => r.PersonId == _ids["P-01"] || r.PersonId == _ids["P-BOARD"])
                .ExecuteUpdateAsync(u => u.SetProperty(r => r.Outcome, ClassificationOutcome.NeedsAuthorityDecision).SetProperty(r => r.Level, (int?)null));
        });
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task The_competent_level_gets_the_units_cases_with_their_classification_and_decides_them()
    {
        await _host.SayAsync("xếp loại 2026", "aad-top");
        var cards = new List<JsonObject>();
        for (var i = 0; i < 3; i++)
        {
            if ((await _host.Teams.NextAsync()).FirstCard is { } card) cards.Add(card);
        }

        var cases = Assert.Single(cards, c => c.ToJsonString().Contains("case.", StringComparison.Ordinal));
        Assert.Contains($"case.{_ids["P-01"]}.level", cases.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain($"case.{_ids["P-BOARD"]}.", cases.ToJsonString(), StringComparison.Ordinal);

        var other = await DecideAsync("aad-top", _ids["P-BOARD"]);
        var decided = await DecideAsync("aad-top", _ids["P-01"]);

        Assert.Equal("application/vnd.microsoft.activity.message", (string?)other["type"]);
        Assert.Contains("Đã ghi quyết định cho Nhân Viên B: Hoàn thành tốt nhiệm vụ.", decided.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }), StringComparison.Ordinal);
        var row = await _host.Bot.QueryAsync(db => db.Set<ClassificationRecord>().SingleAsync(r => r.PersonId == _ids["P-01"]));
        Assert.Equal((ClassificationOutcome.AuthorityDecided, 1), (row.Outcome, row.Level));
        Assert.Equal(ClassificationOutcome.NeedsAuthorityDecision, await _host.Bot.QueryAsync(db => db.Set<ClassificationRecord>().Where(r => r.PersonId == _ids["P-BOARD"]).Select(r => r.Outcome).SingleAsync()));
    }

    [Theory]
    [InlineData("aad-head")]
    [InlineData("aad-00")]
    [InlineData("aad-stranger")]
    public async Task Nobody_else_decides_the_units_cases(string user)
    {
        var answer = await DecideAsync(user, _ids["P-01"]);

        Assert.Equal("application/vnd.microsoft.activity.message", (string?)answer["type"]);
        Assert.Equal(ClassificationOutcome.NeedsAuthorityDecision, await _host.Bot.QueryAsync(db => db.Set<ClassificationRecord>().Where(r => r.PersonId == _ids["P-01"]).Select(r => r.Outcome).SingleAsync()));
    }

    private Task<JsonObject> DecideAsync(string user, long personId)
    {
        var prefix = $"case.{personId}.";
        return _host.InvokeAsync("classification.authority", new JsonObject
        {
            ["year"] = "2026", ["person"] = personId.ToString(System.Globalization.CultureInfo.InvariantCulture), [prefix + "level"] = "HTT",
            [prefix + "reason"] = "Hoàn thành nhiệm vụ được giao", [prefix + "number"] = "12/QĐ-UBND", [prefix + "date"] = "2026-12-09", [prefix + "by"] = "Chủ tịch UBND",
        }, user);
    }
}
