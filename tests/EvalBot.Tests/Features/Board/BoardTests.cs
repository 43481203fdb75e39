using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EvalBot.Persistence.Entities;
using EvalBot.Tests.Features.Classification;
using EvalBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EvalBot.Tests.Features.Board;

/// <summary>
/// The organisation board's card through the endpoint: who may see it and press its buttons (board, head, staff, someone
/// not in the organisation), operations run in the background with the card updated in Teams, one at a time, and the
/// competent level's decisions recorded on it.
/// </summary>
public sealed class BoardTests : IAsyncLifetime
{
    /// <summary>A Wednesday after the state deadline (15 December), 10:00 in Hà Nội.</summary>
    private static readonly DateTimeOffset Now = new(2026, 12, 16, 3, 0, 0, TimeSpan.Zero);

    private ClassificationHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await ClassificationHost.StartAsync(
            excellent: 2, good: 3, teamIsAgency: true,
            settings: new Dictionary<string, string?> { ["Board:ProgressSeconds"] = "1", ["Board:PollMilliseconds"] = "100", ["Board:WatchMinutes"] = "1" },
            services: s => s.AddSingleton<TimeProvider>(new ShiftedTimeProvider(Now)));
        await _host.Bot.QueryAsync(async db =>
        {
            // Someone with no report in the year: the rules cannot rate them, the competent level must.
            var team = await db.Units.SingleAsync(u => u.ExternalId == "TEAM");
            db.People.Add(new Person { ExternalId = "P-NODATA", FullName = "Nhân Viên Mới", AadObjectId = "aad-nodata", UnitId = team.Id, Population = Domain.Records.Population.CivilServant });
            return await db.SaveChangesAsync();
        });
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData("aad-board", true)]
    [InlineData("aad-head", false)]
    [InlineData("aad-00", false)]
    [InlineData("aad-stranger", false)]
    public async Task Only_the_board_gets_the_board_card(string user, bool allowed)
    {
        await _host.SayAsync("quản trị", user);
        var call = await _host.Teams.NextAsync();

        if (allowed)
        {
            Assert.Equal("Bảng điều hành Ban Tổ chức", (string?)call.FirstCard!["body"]![0]!["text"]);
        }
        else
        {
            Assert.Null(call.FirstCard);
            Assert.Equal("Chức năng này chỉ dành cho thành viên Ban Tổ chức.", (string?)call.Body!["text"]);
        }
    }

    [Theory]
    [InlineData("aad-head")]
    [InlineData("aad-00")]
    [InlineData("aad-stranger")]
    public async Task Nobody_but_the_board_starts_an_operation_or_records_a_decision(string user)
    {
        var run = await _host.InvokeAsync("board.run", new JsonObject { ["op"] = "period.open", ["board.period"] = "2026-Q4" }, user);
        var decide = await _host.InvokeAsync("classification.authority", new JsonObject { ["year"] = "2026", ["person"] = "1" }, user);

        Assert.Equal("application/vnd.microsoft.activity.message", (string?)run["type"]);
        Assert.Equal("application/vnd.microsoft.activity.message", (string?)decide["type"]);
        Assert.Equal(0, await _host.Bot.QueryAsync(db => db.BoardTasks.CountAsync()));
        Assert.Equal(0, await _host.Bot.QueryAsync(db => db.CheckInCampaigns.CountAsync()));
    }

    [Fact]
    public async Task Opening_a_period_runs_in_the_background_and_ends_with_its_summary_on_the_same_card()
    {
        var answer = await _host.InvokeAsync("board.run", new JsonObject { ["op"] = "period.open", ["board.period"] = "2026-Q4" }, "aad-board");

        Assert.Contains("Đã bắt đầu: mở kỳ báo cáo Quý 4/2026. Tiến độ cập nhật trên thẻ này.", Texts(answer["value"]!.AsObject()));
        var task = await UntilEndedAsync();
        Assert.Equal(BoardTaskStatus.Done, task.Status);
        Assert.Equal("boardResultOpened", task.ResultKey);
        Assert.Equal("board", await _host.Bot.QueryAsync(db => db.CheckInCampaigns.Select(c => c.OpenedBy).SingleAsync()));
        Assert.True(await _host.Bot.QueryAsync(db => db.AuditLog.AnyAsync(a => a.Action == "campaign.open-requested" && a.Actor == "aad-board")));
        var update = await UntilCardAsync(card => Texts(card).Contains("Đã xong: mở kỳ báo cáo Quý 4/2026"));
        Assert.Equal("PUT", update.Method);
        Assert.EndsWith("/activities/card-1", update.DecodedPath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_operation_waits_until_the_first_has_ended()
    {
        await _host.Bot.QueryAsync(async db =>
        {
            db.BoardTasks.Add(new BoardTask
            {
                Kind = "year.compile", Argument = "2026", Status = BoardTaskStatus.Running, RequestedBy = "someone", Language = "vi",
                ServiceUrl = _host.Teams.ServiceUrl, ConversationId = "a:x", HeartbeatAt = TimeProvider.System.GetUtcNow().AddYears(1), ClaimedBy = "elsewhere",
            });
            return await db.SaveChangesAsync();
        });

        var answer = await _host.InvokeAsync("board.run", new JsonObject { ["op"] = "period.open", ["board.period"] = "2026-Q4" }, "aad-board");

        Assert.Contains("Đang thực hiện: tổng hợp xếp loại năm 2026. Vui lòng chờ việc này xong.", Texts(answer["value"]!.AsObject()));
        Assert.Equal(1, await _host.Bot.QueryAsync(db => db.BoardTasks.CountAsync()));
    }

    [Theory]
    [InlineData("2026-Q5")]
    [InlineData("Q1")]
    [InlineData("")]
    public async Task A_period_that_is_not_one_is_refused_on_the_card(string period)
    {
        var answer = await _host.InvokeAsync("board.run", new JsonObject { ["op"] = "period.open", ["board.period"] = period }, "aad-board");

        Assert.Contains(Texts(answer["value"]!.AsObject()), t => t.StartsWith($"Kỳ '{period}' không hợp lệ", StringComparison.Ordinal));
        Assert.Equal(0, await _host.Bot.QueryAsync(db => db.BoardTasks.CountAsync()));
    }

    [Fact]
    public async Task The_competent_level_decides_a_case_on_the_card_and_nobody_decides_their_own()
    {
        var compile = await _host.InvokeAsync("board.run", new JsonObject { ["op"] = "year.compile", ["board.year"] = "2026" }, "aad-board");
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)compile["type"]);
        Assert.Equal(BoardTaskStatus.Done, (await UntilEndedAsync()).Status);
        var ids = await _host.Bot.QueryAsync(db => db.People.ToDictionaryAsync(p => p.ExternalId, p => p.Id));
        // Two drafts the rules left to the competent level (as R15 does when task results meet no level's conditions).
        await _host.Bot.QueryAsync(db => db.Set<ClassificationRecord>().Where(r => r.PersonId == ids["P-NODATA"] || r.PersonId == ids["P-BOARD"])
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.Outcome, ClassificationOutcome.NeedsAuthorityDecision).SetProperty(r => r.Level, (int?)null)));
        // The steps taken before a decision (rule 23; under ND335 a period monitoring record, then the self-assessment).
        await _host.Bot.QueryAsync(db =>
        {
            ClassificationHost.Report(db, db.People.Single(p => p.Id == ids["P-NODATA"]), "2026-Q4", 10);
            return db.SaveChangesAsync();
        });
        await _host.GiveReviewStepsAsync();
        var card = await _host.InvokeAsync("board.refresh", [], "aad-board");
        Assert.Contains("Nhân Viên Mới", Texts(card["value"]!.AsObject()));
        Assert.True(Texts(card["value"]!.AsObject()).Any(t => t.StartsWith("Trưởng Phòng Head", StringComparison.Ordinal) && t.EndsWith("6 người chờ, hạn 15/12/2026", StringComparison.Ordinal)), string.Join(" | ", Texts(card["value"]!.AsObject())));

        var own = await DecideAsync(ids["P-BOARD"], "HT", "2026-12-10");
        var missing = await DecideAsync(ids["P-NODATA"], "HT", "2026-12-10", number: "");
        var future = await DecideAsync(ids["P-NODATA"], "HT", "2026-12-30");
        var decided = await DecideAsync(ids["P-NODATA"], "HT", "2026-12-10");
        var again = await DecideAsync(ids["P-NODATA"], "HTT", "2026-12-10");

        Assert.Contains("Không ai tự quyết định trường hợp của chính mình.", own);
        Assert.Contains("Cần chọn mức, ghi lý do, số quyết định, ngày quyết định và cấp quyết định.", missing);
        Assert.Contains("Ngày quyết định phải từ năm 2026 đến hôm nay (16/12/2026).", future);
        Assert.Contains("Đã ghi quyết định cho Nhân Viên Mới: Hoàn thành nhiệm vụ.", decided);
        Assert.Contains("Trường hợp này không còn chờ cấp có thẩm quyền (đã được quyết định hoặc đã tổng hợp lại).", again);
        var row = await _host.Bot.QueryAsync(db => db.Set<ClassificationRecord>().SingleAsync(r => r.PersonId == ids["P-NODATA"]));
        Assert.Equal((ClassificationOutcome.AuthorityDecided, 2), (row.Outcome, row.Level));
        var entry = await _host.Bot.QueryAsync(db => db.AuditLog.SingleAsync(a => a.Action == "classification.authority-decision"));
        Assert.Equal("aad-board", entry.Actor);
        Assert.Contains("QĐ 7/QĐ-UBND", entry.DataJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_lists_the_board_command_for_the_board_only()
    {
        await _host.SayAsync("trợ giúp", "aad-board");
        var board = await _host.Teams.NextAsync();
        await _host.SayAsync("trợ giúp quản trị", "aad-head");
        var head = await _host.Teams.NextAsync();

        Assert.Contains("quản trị · admin", Texts(board.FirstCard!));
        Assert.DoesNotContain("quản trị · admin", Texts(head.FirstCard!));
    }

    private async Task<List<string>> DecideAsync(long personId, string level, string date, string number = "QĐ 7/QĐ-UBND")
    {
        var prefix = $"case.{personId}.";
        var answer = await _host.InvokeAsync("classification.authority", new JsonObject
        {
            ["year"] = "2026", ["person"] = personId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [prefix + "level"] = level, [prefix + "reason"] = "Mới tuyển dụng, chưa đủ dữ liệu", [prefix + "number"] = number,
            [prefix + "date"] = date, [prefix + "by"] = "Chủ tịch UBND xã",
        }, "aad-board");
        return Texts(answer["value"]!.AsObject());
    }

    private async Task<BoardTask> UntilEndedAsync()
    {
        for (var i = 0; i < 300; i++)
        {
            var task = await _host.Bot.QueryAsync(db => db.BoardTasks.AsNoTracking().OrderBy(t => t.Id).LastOrDefaultAsync());
            if (task is { Status: not (BoardTaskStatus.Queued or BoardTaskStatus.Running) }) return task;
            await Task.Delay(100);
        }

        throw new TimeoutException("The board task did not end.");
    }

    private async Task<ConnectorCall> UntilCardAsync(Func<JsonObject, bool> match)
    {
        for (var i = 0; i < 100; i++)
        {
            if (_host.Teams.Received.FirstOrDefault(c => c.FirstCard is { } card && match(card)) is { } call) return call;
            await Task.Delay(100);
        }

        throw new TimeoutException("No such card was sent.");
    }

    /// <summary>Every TextBlock's text in the card, in order.</summary>
    private static List<string> Texts(JsonNode card)
    {
        var texts = new List<string>();
        void Walk(JsonNode? node)
        {
            switch (node)
            {
                case JsonObject o:
                    if ((string?)o["type"] == "TextBlock") texts.Add((string?)o["text"] ?? "");
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
