using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using EvalBot.Features.FollowUps;
using EvalBot.Persistence;
using EvalBot.Persistence.Entities;
using EvalBot.Tests.Features.Classification;
using EvalBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EvalBot.Tests.Features.FollowUps;

/// <summary>
/// Rules 30 and 38 through the endpoint: an imported confidence vote and a decided KHT open the follow-ups for whoever
/// must decide them; the holder is told in personal chat, sees them with <c>việc cần xử lý</c> and records the decision
/// on the card; nobody else may; the board sees the open ones on its card.
/// </summary>
public sealed class FollowUpTests : IAsyncLifetime
{
    private const string Votes = "ma_lay_phieu,ma_can_bo,ngay,tin_nhiem_cao,tin_nhiem,tin_nhiem_thap,co_mat,trieu_tap\n";
    private ClassificationHost _host = null!;

    public async Task InitializeAsync() => _host = await ClassificationHost.StartAsync(excellent: 1, good: 2);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Rule38_a_vote_with_a_low_confidence_majority_opens_one_follow_up_for_the_head_above_whatever_the_reimports()
    {
        await ImportAsync(Votes + "V-1,P-HEAD,2026-10-01,4,5,11,20,30\nV-2,P-00,2026-10-01,1,1,17,19,30\n");
        await ImportAsync(Votes + "V-1,P-HEAD,2026-10-01,4,5,11,20,30\n");

        var task = await _host.Bot.QueryAsync(db => db.FollowUpTasks.SingleAsync());
        Assert.Equal((_host.People["P-HEAD"].Id, "ConsiderResignation", _host.People["P-TOP"].Id), (task.PersonId, task.Kind, task.HolderPersonId));
        Assert.Equal(2026, task.Year);
        Assert.Equal("vote:V-1", task.Source);
        Assert.True(task.DueOn > new DateOnly(2026, 1, 1));
    }

    [Fact]
    public async Task Rule38_more_than_two_thirds_low_confidence_opens_the_removal_instead()
    {
        await ImportAsync(Votes + "V-3,P-HEAD,2026-10-01,2,2,16,20,30\n");

        Assert.Equal(["ConsiderRemoval"], await _host.Bot.QueryAsync(db => db.FollowUpTasks.Select(t => t.Kind).ToListAsync()));
    }

    [Fact]
    public async Task The_holder_is_told_sees_the_follow_up_and_records_the_decision_and_nobody_else_may()
    {
        await ImportAsync(Votes + "V-1,P-HEAD,2026-10-01,4,5,11,20,30\n");
        await _host.SayAsync("trợ giúp", "aad-top");
        await _host.Teams.NextAsync();

        Assert.Equal(1, await NotifyAsync());
        Assert.Equal(0, await NotifyAsync());
        var notice = await _host.Bot.QueryAsync(db => db.Outbox.Where(o => o.Kind == "followup.notice").Select(o => new { o.RecipientAadObjectId, o.ActivityJson }).SingleAsync());
        Assert.Equal("aad-top", notice.RecipientAadObjectId);
        var told = Regex.Unescape(notice.ActivityJson);
        Assert.Contains("Trưởng Phòng Head", told, StringComparison.Ordinal);
        Assert.Contains("55% phiếu tín nhiệm thấp", told, StringComparison.Ordinal);
        Assert.Contains("Điều 52", told, StringComparison.Ordinal);

        await _host.SayAsync("việc cần xử lý", "aad-top");
        var card = (await _host.Teams.NextAsync()).FirstCard!;
        Assert.Contains("Xem xét cho thôi giữ chức vụ hoặc bố trí công tác khác (Nghị định 170/2025/NĐ-CP, Điều 52)", Texts(card));
        var id = (string)card["body"]!.AsArray().Select(b => b!["items"]).OfType<JsonArray>().SelectMany(i => i).SelectMany(Inputs).First()!;

        foreach (var other in new[] { "aad-head", "aad-00", "aad-board" })
        {
            var refused = await CloseAsync(id, other, "Đồng ý cho thôi giữ chức vụ", "12/QĐ-UBND", "2026-12-01");
            Assert.Equal("Đồng chí không phải người xử lý việc này.", (string?)refused["value"]);
        }

        Assert.Contains("Cần ghi nội dung quyết định hoặc kết quả xem xét (tối đa 2.000 ký tự).", Texts(await CardOfAsync(id, "aad-top", "", "", "")));
        Assert.Contains("Ngày ban hành không hợp lệ: phải là một ngày không sau hôm nay.", Texts(await CardOfAsync(id, "aad-top", "Đồng ý", "", "2099-01-01")));
        var closed = Texts(await CardOfAsync(id, "aad-top", "Đồng ý cho thôi giữ chức vụ", "12/QĐ-UBND", "2026-11-20"));
        Assert.Contains(closed, t => t.StartsWith("Đã ghi quyết định về Trưởng Phòng Head", StringComparison.Ordinal));
        Assert.Contains("Không có việc nào đang chờ đồng chí.", closed);
        Assert.Contains("Việc này đã được ghi quyết định.", Texts(await CardOfAsync(id, "aad-top", "Lần nữa", "", "")));

        var stored = await _host.Bot.QueryAsync(db => db.FollowUpTasks.SingleAsync());
        Assert.Equal(("Đồng ý cho thôi giữ chức vụ", "12/QĐ-UBND", new DateOnly(2026, 11, 20), "aad-top"), (stored.Decision, stored.DocumentNumber, stored.DecidedOn, stored.ClosedBy));
        Assert.Equal(1, await _host.Bot.QueryAsync(db => db.AuditLog.CountAsync(a => a.Action == "followup.close")));
    }

    [Fact]
    public async Task The_board_sees_the_open_follow_ups_on_its_card_and_an_English_reader_reads_them_in_English()
    {
        await ImportAsync(Votes + "V-1,P-HEAD,2026-10-01,4,5,11,20,30\n");

        await _host.SayAsync("quản trị", "aad-board");
        var board = Texts((await _host.Teams.NextAsync()).FirstCard!);
        Assert.Contains("Việc cần xử lý sau đánh giá: 1 việc đang mở, 0 quá hạn", board);
        Assert.Contains(board, t => t.StartsWith("Trưởng Phòng Head (Phòng Tổng hợp) · Xem xét cho thôi giữ chức vụ", StringComparison.Ordinal) && t.EndsWith("Người xử lý: Chủ tịch Top", StringComparison.Ordinal));

        await _host.SayAsync("follow-ups", "aad-top", locale: "en-US");
        var card = Texts((await _host.Teams.NextAsync()).FirstCard!);
        Assert.Contains("Consider resignation or a lower post (Decree 170/2025/NĐ-CP, Art. 52)", card);
        Assert.Contains(card, t => t.StartsWith("Confidence vote of 01/10/2026 (vote V-1): 55% of the valid ballots low confidence.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Rule30_a_decided_KHT_opens_the_dismissal_decision_for_the_head_of_the_agency()
    {
        await _host.CompileAsync();
        await _host.GiveReviewStepsAsync();
        var kht = _host.People["P-01"].Id;
        await _host.Bot.QueryAsync(db => db.Set<ClassificationRecord>()
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.Level, r => r.PersonId == kht ? (int)Domain.Level.NotComplete : (int)Domain.Level.Good)));

        // Rule 25: the team is a sub-unit of the agency, so the agency head decides its staff.
        await _host.InvokeAsync("classification.approve", new JsonObject { ["year"] = "2026", ["list"] = "own" }, "aad-top");

        var task = await _host.Bot.QueryAsync(db => db.FollowUpTasks.SingleAsync());
        Assert.Equal((_host.People["P-01"].Id, "DecideDismissal", _host.People["P-TOP"].Id, "rating:2026"), (task.PersonId, task.Kind, task.HolderPersonId, task.Source));
        Assert.Equal(task.OpenedAt.AddDays(30).Date, task.DueOn.ToDateTime(TimeOnly.MinValue).Date, TimeSpan.FromDays(1));
    }

    private async Task ImportAsync(string csv)
    {
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        using var response = await _host.Admin.PostAsync("/admin/org/import?kind=votes", content);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task<int> NotifyAsync()
    {
        await using var scope = _host.Bot.Services.CreateAsyncScope();
        var queued = await scope.ServiceProvider.GetRequiredService<FollowUpNotifier>().NotifyAsync(TimeProvider.System.GetUtcNow(), CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<EvalBotDbContext>().SaveChangesAsync();
        return queued;
    }

    private Task<JsonObject> CloseAsync(string id, string user, string decision, string number, string date) =>
        _host.InvokeAsync("followup.close", new JsonObject
        {
            ["task"] = id, [$"followup.{id}.decision"] = decision, [$"followup.{id}.number"] = number, [$"followup.{id}.date"] = date,
        }, user);

    private async Task<JsonObject> CardOfAsync(string id, string user, string decision, string number, string date) =>
        (await CloseAsync(id, user, decision, number, date))["value"]!.AsObject();

    private static IEnumerable<string?> Inputs(JsonNode? node) =>
        node is JsonObject o && (string?)o["id"] is { } inputId && inputId.EndsWith(".decision", StringComparison.Ordinal)
            ? [inputId.Split('.')[1]]
            : node is JsonObject c && c["items"] is JsonArray items ? items.SelectMany(Inputs) : [];

    private static List<string> Texts(JsonNode card)
    {
        var texts = new List<string>();
        void Walk(JsonNode? node)
        {
            switch (node)
            {
                case JsonObject o:
                    if (o["type"]?.GetValue<string>() == "TextBlock" && o["text"] is { } t) texts.Add(t.GetValue<string>().Replace("\\", "", StringComparison.Ordinal));
                    foreach (var (_, child) in o) Walk(child);
                    break;
                case JsonArray a:
                    foreach (var child in a) Walk(child);
                    break;
            }
        }

        Walk(card);
        return texts;
    }
}
