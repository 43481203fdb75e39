using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using EvalBot.Persistence.Entities;
using EvalBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace EvalBot.Tests.Features.CheckIns;

/// <summary>
/// The leader's review card for a report of ten products: the summary and Confirm first, the adjustment folded away
/// (still sent by both buttons, as the official renderer gathers inputs), small enough for Teams, and after an
/// adjustment a closed card and a notice that both list every change.
/// </summary>
public sealed class ReviewCardTests(ITestOutputHelper output) : IAsyncLifetime
{
    /// <summary>Teams refuses a bot message whose payload is over about 28 KB.</summary>
    private const int TeamsPayloadLimit = 28 * 1024;

    private FakeTeamsConnector _teams = null!;
    private EvalBotFactory _bot = null!;
    private HttpClient _client = null!;
    private TestOrganisation _org = null!;
    private List<Target> _targets = null!;
    private long _reportId;

    public async Task InitializeAsync()
    {
        _teams = await FakeTeamsConnector.StartAsync();
        _bot = new EvalBotFactory();
        _client = _bot.CreateClient();
        _org = await TestOrganisation.CreateAsync(_bot, TimeProvider.System.GetUtcNow());
        _targets = [.. _org.StaffTargets, .. await AddTargetsAsync(8)];
        var submit = new JsonObject { ["period"] = TestOrganisation.Period, ["general.politics"] = "9", ["general.competence"] = "9", ["general.innovation"] = "9" };
        foreach (var t in _targets)
        {
            var done = Math.Min(9, t.Quantity).ToString(CultureInfo.InvariantCulture);
            submit[$"target.{t.Id}.done"] = done;
            submit[$"target.{t.Id}.qualityOk"] = done;
            submit[$"target.{t.Id}.onTime"] = done;
            // The longest evidence the check-in card accepts, for the worst size.
            submit[$"target.{t.Id}.evidence"] = new string('x', 480) + $" VB-{t.Id}";
        }

        submit["selfCriticism"] = "Còn chậm trong việc cập nhật sổ theo dõi.";
        await InvokeAsync("checkin.submit", submit, "aad-user-1");
        _reportId = await _bot.QueryAsync(db => db.CheckInReports.Select(r => r.Id).SingleAsync());
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _bot.DisposeAsync();
        await _teams.DisposeAsync();
    }

    [Fact]
    public async Task The_review_card_shows_the_summary_and_the_confirm_button_before_any_adjustment_input()
    {
        var card = await ReviewCardAsync();

        var order = Flatten(card["body"]).ToList();
        var confirm = order.FindIndex(e => (string?)e["verb"] == "checkin.confirm");
        var firstInput = order.FindIndex(e => ((string?)e["type"])?.StartsWith("Input.", StringComparison.Ordinal) == true);
        var score = order.FindIndex(e => e["facts"] is JsonArray facts && facts.Any(f => (string?)f!["title"] == "Tổng điểm"));
        var lastProduct = order.FindLastIndex(e => (string?)e["text"] == CardsText(_targets[^1].Title));
        Assert.True(score >= 0 && score < confirm, "the score comes before Confirm");
        Assert.True(lastProduct >= 0 && lastProduct < confirm, "every product's summary comes before Confirm");
        Assert.True(confirm < firstInput, $"Confirm ({confirm}) comes before the first input ({firstInput})");
        var adjust = order.Single(e => (string?)e["id"] == "review.adjust");
        Assert.False((bool)adjust["isVisible"]!);
        Assert.All(_targets, t => Assert.False((bool)order.Single(e => (string?)e["id"] == $"review.line.{t.Id}")["isVisible"]!));
    }

    [Fact]
    public async Task A_review_card_for_ten_products_stays_under_the_Teams_payload_limit()
    {
        var row = await _bot.QueryAsync(db => db.Outbox.SingleAsync(o => o.Kind == "checkin.review"));

        var bytes = Encoding.UTF8.GetByteCount(row.ActivityJson);
        output.WriteLine($"review card for {_targets.Count} products, 480-character evidence each: {bytes} bytes of {TeamsPayloadLimit}");
        Assert.Equal(10, _targets.Count);
        Assert.True(bytes < TeamsPayloadLimit, $"{bytes} bytes");
    }

    [Fact]
    public async Task Confirm_and_adjust_send_every_input_the_official_renderer_finds_even_folded_away()
    {
        var card = await ReviewCardAsync();

        var result = await NodeScript.RunCasesAsync("card-oracle.cjs", new JsonObject
        {
            ["op"] = "actions",
            ["cases"] = new JsonArray(new JsonObject { ["id"] = "review", ["card"] = card.DeepClone() }),
        });
        var actions = result["review"]["actions"]!.AsArray().Select(a => a!.AsObject()).ToList();
        var inputs = Flatten(card["body"]).Where(e => ((string?)e["type"])?.StartsWith("Input.", StringComparison.Ordinal) == true).Select(e => (string)e["id"]!).Order().ToList();
        Assert.Contains($"target.{_targets[9].Id}.reason", inputs);
        Assert.Contains("general.politics", inputs);
        foreach (var verb in new[] { "checkin.confirm", "checkin.adjust" })
        {
            var action = actions.Single(a => (string?)a["verb"] == verb);
            Assert.Equal(inputs, action["inputs"]!.AsArray().Select(i => (string)i!).Order().ToList());
        }

        var toggles = actions.Where(a => (string?)a["type"] == "Action.ToggleVisibility").ToList();
        Assert.Equal(_targets.Count + 2, toggles.Count);
        Assert.All(toggles, t => Assert.Equal(t["targets"]!.ToJsonString(), t["hiddenTargets"]!.ToJsonString()));
    }

    [Fact]
    public async Task A_field_with_an_error_comes_back_unfolded()
    {
        var t3 = _targets[3].Id;

        var answer = await InvokeAsync("checkin.adjust", Decision(($"target.{t3}.done", "1")), "aad-leader");

        var order = Flatten(answer["value"]).ToList();
        Assert.True((bool)order.Single(e => (string?)e["id"] == "review.adjust")["isVisible"]!);
        Assert.True((bool)order.Single(e => (string?)e["id"] == $"review.line.{t3}")["isVisible"]!);
        Assert.False((bool)order.Single(e => (string?)e["id"] == $"review.line.{_targets[0].Id}")["isVisible"]!);
        Assert.Contains("Cần ghi lý do", answer["value"].Readable(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_an_adjustment_the_closed_card_and_the_notice_list_every_change()
    {
        var t0 = _targets[0];
        var t5 = _targets[5];
        var due = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime).AddDays(60);

        var answer = await InvokeAsync("checkin.adjust", Decision(
            ($"target.{t0.Id}.done", "7"), ($"target.{t0.Id}.qualityOk", "7"), ($"target.{t0.Id}.onTime", "7"), ($"target.{t0.Id}.reason", "Hai văn bản chưa ban hành"),
            ($"target.{t5.Id}.delays", "1"), ($"target.{t5.Id}.objectiveCause", "true"), ($"target.{t5.Id}.objectiveCauseDocument", "CV 12/UBND"),
            ("general.competence", "7"),
            ("remediation.new.text", "Rà soát kỹ trước khi trình"), ("remediation.new.due", due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ("comment", "Cần chủ động hơn")), "aad-leader");

        // Read as shown: user text is markdown-escaped with backslashes.
        var closed = answer["value"].Readable().Replace("\\", "", StringComparison.Ordinal);
        var notice = JsonNode.Parse((await _bot.QueryAsync(db => db.Outbox.SingleAsync(o => o.Kind == "checkin.result"))).ActivityJson).Readable().Replace("\\", "", StringComparison.Ordinal);
        foreach (var shown in new[] { closed, notice })
        {
            Assert.Contains("số lượng hoàn thành từ 9 thành 7. Lý do: Hai văn bản chưa ban hành", shown, StringComparison.Ordinal);
            Assert.Contains("số lượng đúng hạn từ 9 thành 7", shown, StringComparison.Ordinal);
            Assert.Contains("0 lần kiểm tra chất lượng không đạt, 1 lần chậm tiến độ (nguyên nhân khách quan, không trừ điểm; văn bản xác nhận: CV 12/UBND)", shown, StringComparison.Ordinal);
            Assert.Contains("Tiêu chí chung «Năng lực", shown, StringComparison.Ordinal);
            Assert.Contains("từ 9 điểm (tự chấm) thành 7 điểm", shown, StringComparison.Ordinal);
            Assert.Contains("Rà soát kỹ trước khi trình", shown, StringComparison.Ordinal);
            Assert.Contains(due.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), shown, StringComparison.Ordinal);
            Assert.Contains("Cần chủ động hơn", shown, StringComparison.Ordinal);
        }

        Assert.Contains("Lãnh đạo điều chỉnh (hoàn thành / đạt chất lượng / đúng hạn): 7 / 7 / 7", closed, StringComparison.Ordinal);
        Assert.Contains("cá nhân báo cáo (hoàn thành / đạt chất lượng / đúng hạn)", closed, StringComparison.Ordinal);
        Assert.Contains("9 / 9 / 9 · Giao: 10 văn bản", closed, StringComparison.Ordinal);
        Assert.DoesNotContain("7 / 7 / 7 · Giao", closed, StringComparison.Ordinal);
        Assert.DoesNotContain("checkin.confirm", closed, StringComparison.Ordinal);
    }

    private static string CardsText(string text) => EvalBot.Cards.CardText.Plain(text);

    private static IEnumerable<JsonObject> Flatten(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                yield return obj;
                foreach (var child in obj.Where(p => p.Key != "fallback").SelectMany(p => Flatten(p.Value)))
                {
                    yield return child;
                }

                break;
            case JsonArray array:
                foreach (var child in array.SelectMany(Flatten))
                {
                    yield return child;
                }

                break;
        }
    }

    private async Task<JsonObject> ReviewCardAsync()
    {
        var row = await _bot.QueryAsync(db => db.Outbox.SingleAsync(o => o.Kind == "checkin.review"));
        return JsonNode.Parse(row.ActivityJson)!["attachments"]![0]!["content"]!.AsObject();
    }

    private async Task<List<Target>> AddTargetsAsync(int count) => await _bot.QueryAsync(async db =>
    {
        var added = Enumerable.Range(1, count).Select(i => new Target
        {
            ExternalId = $"TX{i}",
            Period = TestOrganisation.Period,
            PersonId = _org.Staff.Id,
            Title = $"Sản phẩm {i}: tham mưu, theo dõi và tổng hợp kết quả thực hiện các văn bản chỉ đạo của cấp trên trong lĩnh vực được giao",
            UnitOfMeasure = "văn bản",
            Quantity = 10,
            ConversionFactor = 1,
            Deadline = new DateOnly(2026, 3, 31),
            QualityRequirement = "Được phê duyệt",
        }).ToList();
        db.Targets.AddRange(added);
        await db.SaveChangesAsync();
        return added;
    });

    private async Task<JsonObject> InvokeAsync(string verb, JsonObject data, string user)
    {
        var response = await _client.PostAsJsonAsync("/api/messages", Activities.Invoke(_teams.ServiceUrl, verb, data, userAad: user));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private JsonObject Decision(params (string Key, string Value)[] fields)
    {
        var data = new JsonObject { ["reportId"] = _reportId.ToString(CultureInfo.InvariantCulture), ["general.politics"] = "9", ["general.competence"] = "9", ["general.innovation"] = "9" };
        foreach (var (key, value) in fields)
        {
            data[key] = value;
        }

        return data;
    }
}
