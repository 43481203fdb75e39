using System.Text;
using System.Text.Json.Nodes;
using EvalBot.Persistence.Entities;
using EvalBot.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Tests.Features.Classification;

/// <summary>
/// A team of 400: Teams refuses a bot message over about 100 KB (and the older limit was 40 KB), so the cards that list
/// people are paged or capped, and walking the pages shows every person exactly once.
/// </summary>
public sealed class LargeListTests(LargeListTests.Team400 fixture) : IClassFixture<LargeListTests.Team400>
{
    private const int TeamsLimitBytes = 40 * 1024;
    private const int PageSize = 25;
    private readonly ClassificationHost _host = fixture.Host;
    private readonly JsonObject _report = fixture.Report;

    /// <summary>The team of 400 (150 at HTXS level, 250 at HTT) compiled once for the class: seeding it is most of the time.</summary>
    public sealed class Team400 : IAsyncLifetime
    {
        public ClassificationHost Host { get; private set; } = null!;

        public JsonObject Report { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Host = await ClassificationHost.StartAsync(excellent: 150, good: 250, teamIsAgency: true);
            await Host.SayAsync("help", "aad-head");
            Report = await Host.CompileAsync();
        }

        public async Task DisposeAsync() => await Host.DisposeAsync();
    }

    [Fact]
    public async Task The_decision_card_of_a_400_person_list_is_paged_under_the_Teams_limit_and_shows_everyone_once()
    {
        var head = _host.People["P-HEAD"];
        var expected = await _host.Bot.QueryAsync(db => db.Set<ClassificationRecord>().Where(r => r.DeciderPersonId == head.Id)
            .Join(db.People, r => r.PersonId, p => p.Id, (r, p) => p.FullName).ToListAsync());
        Assert.Equal(400, expected.Count);
        var sent = await _host.Bot.QueryAsync(db => db.Outbox.Where(o => o.Kind == "classification.decision" && o.RecipientAadObjectId == "aad-head").Select(o => o.ActivityJson).SingleAsync());
        Assert.InRange(Encoding.UTF8.GetByteCount(sent), 1, TeamsLimitBytes);

        var seen = new List<string>();
        var pages = (expected.Count + PageSize - 1) / PageSize;
        for (var page = 1; page <= pages; page++)
        {
            var card = (await _host.InvokeAsync("classification.page", Data(page, list: "own"), "aad-head"))["value"]!.AsObject();
            Assert.InRange(Encoding.UTF8.GetByteCount(card.ToJsonString()), 1, TeamsLimitBytes);
            Assert.Contains($"Trang {page}/{pages}", card.Readable(), StringComparison.Ordinal);
            Assert.Equal(page < pages, card.Readable().Contains("Trang sau", StringComparison.Ordinal));
            Assert.Equal(page > 1, card.Readable().Contains("Trang trước", StringComparison.Ordinal));
            seen.AddRange(Names(card));
        }

        Assert.Equal(expected.Order(StringComparer.Ordinal), seen.Order(StringComparer.Ordinal));
        var first = (await _host.InvokeAsync("classification.page", Data(1, list: "own"), "aad-head"))["value"]!.Readable();
        // 150 HTXS against a cap of a fifth: the excess ranked for a page, the rest counted.
        var excess = _report["units"]!.AsArray().Single(u => (string?)u!["unitId"] == "TEAM")!["quota"]!["excess"]!.AsArray().Count;
        Assert.True(excess > PageSize);
        Assert.Contains($"… và {excess - PageSize} người khác", first, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_classification_list_of_400_people_is_paged_under_the_Teams_limit_and_numbered_across_pages()
    {
        var seen = new List<string>();
        for (var page = 1; page <= 17; page++)
        {
            var card = (await _host.InvokeAsync("classification.list", Data(page), "aad-head"))["value"]!.AsObject();
            Assert.InRange(Encoding.UTF8.GetByteCount(card.ToJsonString()), 1, TeamsLimitBytes);
            var names = Names(card).ToList();
            if (page == 17)
            {
                // Past the end: the last page again.
                Assert.Equal(seen.TakeLast(names.Count), names);
                break;
            }

            Assert.Contains(((page - 1) * PageSize + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), Texts(card));
            seen.AddRange(names);
        }

        Assert.Equal(400, seen.Count);
        Assert.Equal(400, seen.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task The_unit_summary_of_400_people_lists_a_page_of_those_missing_and_counts_the_rest()
    {
        (await _host.Admin.PostAsync("/admin/periods/2026-Q4/open", null)).EnsureSuccessStatusCode();
        _host.Teams.Received.Clear();

        await _host.SayAsync("đơn vị", "aad-head");
        var summary = await NextCardAsync("Tóm tắt đơn vị");

        Assert.InRange(Encoding.UTF8.GetByteCount(summary.ToJsonString()), 1, TeamsLimitBytes);
        Assert.Equal(PageSize, Names(summary).Count());
        // Nobody in the team (the head and 400 staff) has reported for the new period.
        var team = await _host.Bot.QueryAsync(db => db.People.CountAsync(p => p.UnitId == _host.Team.Id));
        Assert.Contains($"… và {team - PageSize} người khác", summary.Readable(), StringComparison.Ordinal);
    }

    private async Task<JsonObject> NextCardAsync(string title)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!timeout.IsCancellationRequested)
        {
            if (_host.Teams.Received.Select(c => c.FirstCard).FirstOrDefault(c => c?["body"]?[0]?["text"]?.GetValue<string>().StartsWith(title, StringComparison.Ordinal) == true) is { } card)
            {
                return card;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"No card titled {title} reached Teams.");
    }

    private static JsonObject Data(int page, string? list = null)
    {
        var data = new JsonObject { ["year"] = "2026", ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        if (list is not null) data["list"] = list;
        return data;
    }

    /// <summary>Every TextBlock's text in the card.</summary>
    private static IEnumerable<string> Texts(JsonNode? node) => node switch
    {
        JsonObject o when (string?)o["type"] == "TextBlock" && o["text"] is JsonValue v => [v.GetValue<string>()],
        JsonObject o => o.SelectMany(p => Texts(p.Value)),
        JsonArray a => a.SelectMany(Texts),
        _ => [],
    };

    /// <summary>The staff names shown as rows (TextBlocks holding just a name; ranked excess and choices are not TextBlocks).</summary>
    private static IEnumerable<string> Names(JsonNode card) => Texts(card).Where(t => t.StartsWith("Nhân Viên ", StringComparison.Ordinal));
}
