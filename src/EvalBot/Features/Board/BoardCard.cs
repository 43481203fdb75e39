using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using EvalBot.Cards;
using EvalBot.Persistence.Entities;
using Microsoft.Extensions.Options;

namespace EvalBot.Features.Board;

/// <summary>
/// The organisation board's card (<c>cards/board.json</c>): the operation running now with its progress (or the last
/// one's outcome), the current period per unit with its messages, the year (compiled, lists decided, cases waiting for
/// the competent level with a form each, heads overdue), what other features ask it to look at (<see cref="IBoardAttention"/>)
/// and a button for each operation. It carries a <c>refresh</c>
/// for the board member, so Teams shows it current whenever they open it.
/// </summary>
public sealed class BoardCard(
    BoardStatus status, IEnumerable<IBoardYearStatus> years, IEnumerable<IBoardAttention> attention, CardTemplates templates, OrganisationClock clock, CampaignCalendar calendar, IOptions<BoardOptions> options)
{
    public async Task<JsonObject> RenderAsync(string language, string? userId, DateTimeOffset now, string? notice, string? error, CancellationToken cancellationToken)
    {
        var text = new TextTable(templates, language);
        var period = await status.PeriodAsync(cancellationToken);
        var task = await status.TaskAsync(cancellationToken);
        var year = clock.Year(now);
        var yearStatus = years.FirstOrDefault() is { } source ? await source.ForAsync(year, now, language, options.Value.MaxCases, cancellationToken) : null;
        var data = new JsonObject
        {
            ["userId"] = userId ?? "",
            ["notice"] = notice ?? "",
            ["error"] = error ?? "",
            ["periodValue"] = period is { Campaign.ClosedAt: null } open ? open.Campaign.Period : calendar.PeriodAt(Domain.Records.PeriodKind.Quarter, now).Label,
            ["yearValue"] = year.ToString(CultureInfo.InvariantCulture),
        };
        foreach (var key in (string[])["taskTitle", "taskProgress", "taskResult", "periodTitle", "periodDates", "unitsMore", "messages", "yearTitle", "yearState", "casesTitle", "casesMore"])
        {
            data[key] = "";
        }

        foreach (var key in (string[])["units", "failures", "overdue", "cases", "rerateLevels"])
        {
            data[key] = new JsonArray();
        }

        data["taskRunning"] = false;
        data["taskFailed"] = false;
        data["hasCases"] = false;
        AddTask(data, task, text);
        AddPeriod(data, period, text, now);
        AddYear(data, yearStatus, text);
        data["attention"] = await AttentionAsync(now, language, text, cancellationToken);
        return templates.Render("board", data, language);
    }

    private static void AddTask(JsonObject data, BoardTask? task, TextTable text)
    {
        data["hasTask"] = task is not null;
        if (task is null) return;
        var running = task.Status is BoardTaskStatus.Queued or BoardTaskStatus.Running;
        var what = text.Format("boardOp." + task.Kind, Shown(task.Argument, text));
        data["taskRunning"] = running;
        data["taskFailed"] = task.Status is BoardTaskStatus.Refused or BoardTaskStatus.Failed;
        data["taskTitle"] = running ? text.Format("boardTaskRunning", what) : text.Format("boardTaskEnded", what);
        data["taskProgress"] = task.Total > 0
            ? text.Format("boardTaskProgress", task.Done.ToString("N0", text.Culture), task.Total.ToString("N0", text.Culture), (int)Math.Floor(100m * task.Done / task.Total))
            : running ? text["boardTaskStarting"] : "";
        data["taskResult"] = task.ResultKey is { } key ? text.Format(key, ResultArgs(task, text)) : "";
    }

    /// <summary>The stored arguments of an outcome, a period among them named as every card names it ("Quý 2/2026").</summary>
    private static object[] ResultArgs(BoardTask task, TextTable text) =>
        task.ResultArgsJson is { } json ? [.. (JsonSerializer.Deserialize<string[]>(json) ?? []).Select(a => Shown(a, text))] : [];

    /// <summary>An operation's argument as a person reads it: a period by its name, a year as it is.</summary>
    internal static string Shown(string? argument, TextTable text) =>
        PeriodKey.TryParse(argument, out var key) ? text.PeriodLabel(key.ToString()) : argument ?? "";

    private void AddPeriod(JsonObject data, BoardPeriod? period, TextTable text, DateTimeOffset now)
    {
        data["hasPeriod"] = period is not null;
        if (period is null) return;
        var c = period.Campaign;
        data["periodTitle"] = text.Format("boardPeriodTitle", text.PeriodLabel(c.Period));
        data["periodDates"] = text.Format(
            c.ClosedAt is not null ? "boardPeriodClosed" : c.IsOpenAt(now) ? "boardPeriodOpen" : "boardPeriodNotYet",
            TextTable.DateTime(c.OpenedAt, clock.Zone), TextTable.DateTime(c.ClosedAt ?? c.ClosesAt, clock.Zone));
        data["units"] = new JsonArray([.. period.Units.Select(u => (JsonNode)new JsonObject
        {
            ["unit"] = CardText.Plain(u.Unit),
            ["counts"] = text.Format("boardUnitCounts", u.Submitted, u.Confirmed, u.People),
        })]);
        data["unitsMore"] = period.UnitsHidden > 0 ? text.Format("boardUnitsMore", period.UnitsHidden) : "";
        data["messages"] = text.Format("boardMessages", period.Queued, period.Sent, period.Failed);
        data["failures"] = new JsonArray([.. period.Failures.Select(f => (JsonNode)new JsonObject
        {
            ["text"] = CardText.Plain(text.Format("boardFailure", f.Count, f.Reason.Length > 0 ? Shorten(f.Reason) : text["boardFailureUnknown"])),
        })]);
    }

    private static void AddYear(JsonObject data, BoardYear? year, TextTable text)
    {
        data["hasYear"] = year is not null;
        if (year is null) return;
        data["yearTitle"] = text.Format("boardYearTitle", year.Year);
        data["yearState"] = year.Compiled ? text.Format("boardYearCompiled", year.ListsDecided, year.Lists) : text["boardYearNotCompiled"];
        data["hasCases"] = year.CasesTotal > 0;
        data["casesTitle"] = text.Format("boardCasesTitle", year.CasesTotal);
        data["casesMore"] = text.More(year.CasesTotal - year.Cases.Count);
        data["cases"] = BoardCaseCards.Of(year.Cases, text);
        data["rerateLevels"] = BoardCaseCards.Levels(text);
        data["overdue"] = new JsonArray([.. year.Overdue.Select(o => (JsonNode)new JsonObject
        {
            ["text"] = CardText.Plain(o.Unit.Length > 0
                ? text.Format("boardOverdue", o.Head, o.Unit, o.Waiting, o.Deadline)
                : text.Format("boardOverdueNoUnit", o.Head, o.Waiting, o.Deadline)),
        })]);
    }

    /// <summary>The sections other features ask the board to look at (<see cref="IBoardAttention"/>), in registration order.</summary>
    private async Task<JsonArray> AttentionAsync(DateTimeOffset now, string language, TextTable text, CancellationToken cancellationToken)
    {
        var sections = new JsonArray();
        foreach (var source in attention)
        {
            if (await source.ForAsync(now, language, options.Value.MaxCases, cancellationToken) is not { } a) continue;
            sections.Add(new JsonObject
            {
                ["title"] = CardText.Plain(a.Title),
                ["urgent"] = a.Urgent,
                ["lines"] = new JsonArray([.. a.Lines.Select(l => (JsonNode)new JsonObject { ["text"] = CardText.Plain(l) })]),
                ["more"] = text.More(a.Hidden),
            });
        }

        return sections;
    }

    private static string Shorten(string reason) => reason.Length <= 120 ? reason : reason[..117] + "…";
}
