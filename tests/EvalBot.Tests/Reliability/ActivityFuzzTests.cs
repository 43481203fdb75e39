using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using CsCheck;
using EvalBot.Persistence.Entities;
using EvalBot.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Tests.Reliability;

/// <summary>
/// A property-based fuzzer: real activity samples (<c>Protocol/Samples</c>) and valid activities of the test
/// organisation, mutated (fields deleted or replaced by hostile values, types, verbs, invoke names, ids), plus random
/// text, posted to the endpoint one after another. Properties: never a 5xx but the protocol's 501; a refused request changes no table; a
/// redelivered accepted activity changes no table; and after every request the stored data is whole (no reply
/// without its processed mark, no report without its audit entry or lines, never two current reports).
/// </summary>
public sealed class ActivityFuzzTests : IAsyncLifetime
{
    private const int Iterations = 300;

    private static readonly string[] Types = ["message", "invoke", "conversationUpdate", "installationUpdate", "messageReaction", "typing", "event", "", "MESSAGE", "x-unknown"];
    private static readonly string[] Verbs = ["checkin.save", "checkin.submit", "checkin.confirm", "checkin.adjust", "feedback.submit", "feedback.skip", "feedback.open", "feedback.list", "feedback.view", "feedback.replace", "classification.approve", "classification.demote", "classification.exception", "classification.list", "summary.show", "help.show", "", "checkin.SUBMIT", "../admin"];
    private static readonly string[] Texts = ["báo cáo", "bao cao", "góp ý", "tóm tắt Phạm Thị B", "đơn vị", "hồ sơ Nguyễn Văn A", "xếp loại 2026", "xếp loại -1", "xếp loại 99999999999", "help", "", "<at>EvalBot</at> trợ giúp"];
    private static readonly string[] Users = ["aad-user-1", "aad-user-2", "aad-leader", "aad-head", "aad-stranger"];
    private static readonly string[] Names = ["adaptiveCard/action", "composeExtension/query", "task/fetch", "", "signin/verifyState"];

    private static readonly string[] HostileJson =
    [
        "null", "true", "0", "-1", "1e400", "-0", "3.4028235E+39", "79228162514264337593543950336", "\"NaN\"", "\"Infinity\"", "\"-1\"", "\"1e400\"",
        "\"\"", "\"   \"", "\"'); DROP TABLE people; --\"", "\"**x** [a](javascript:alert(1)) <at>y</at>\"", "\"تم الإنجاز \\u202E\"", "\"👍🏽🇻🇳\"",
        "\"\\u0000\"", "[]", "{}", "[[[[[[[[[[]]]]]]]]]]", "{\"$data\":\"${x}\"}", "\"2026-Q1\"", "\"2026-Q9\"", "\"1999-Q1\"", "\"9223372036854775807\"",
    ];

    private ReliabilityHost _host = null!;
    private List<JsonObject> _bases = null!;

    public async Task InitializeAsync()
    {
        _host = await ReliabilityHost.StartAsync();
        var samples = Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "tests", "EvalBot.Tests", "Protocol", "Samples"), "*.json").Order(StringComparer.Ordinal)
            .Select(f => (JsonObject)JsonNode.Parse(File.ReadAllText(f))!);
        var url = _host.Teams.ServiceUrl;
        _bases =
        [
            .. samples,
            Activities.Invoke(url, "checkin.submit", _host.ValidReport()),
            Activities.Invoke(url, "checkin.save", _host.ValidReport()),
            Activities.Invoke(url, "checkin.confirm", new JsonObject { ["reportId"] = "1", ["period"] = TestOrganisation.Period }, userAad: "aad-leader"),
            Activities.Invoke(url, "feedback.submit", new JsonObject { ["requestId"] = "1", ["rating.politics"] = "4", ["strengths"] = "Tốt" }),
            Activities.Message(url, "báo cáo"),
            Activities.Install(url),
        ];
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private sealed record Mutation(int Op, int Where, int Choice, string Json);

    private sealed record FuzzCase(int Base, Mutation[] Mutations, int ServiceUrl, int User, int Id, bool Redeliver, string? RawText)
    {
        public override string ToString() => RawText is not null ? $"raw: {RawText}" : $"base {Base}, url {ServiceUrl}, user {User}, id {Id}, redeliver {Redeliver}, mutations [{string.Join("; ", Mutations.Select(m => $"{m.Op}/{m.Where}/{m.Choice}/{m.Json}"))}]";
    }

    private static readonly Gen<string> JsonValue = Gen.Frequency(
        (6, Gen.OneOf(HostileJson)),
        (2, Gen.String.Select(s => JsonValueOf(s))),
        (1, Gen.Long.Select(l => l.ToString(System.Globalization.CultureInfo.InvariantCulture))),
        (1, Gen.Double.Select(d => double.IsFinite(d) ? d.ToString("R", System.Globalization.CultureInfo.InvariantCulture) : "0")));

    private static readonly Gen<Mutation> Mutations = Gen.Select(Gen.Int[0, 9], Gen.Int[0, 10_000], Gen.Int[0, 100], JsonValue, (op, where, choice, json) => new Mutation(op, where, choice, json));

    private static readonly Gen<FuzzCase> Cases = Gen.Frequency(
        (9, Gen.Select(Gen.Int[0, 10], Mutations.Array[0, 4], Gen.Int[0, 9], Gen.Int[0, Users.Length - 1], Gen.Int[0, 7], Gen.Bool)
            .Select((b, m, url, user, id, again) => new FuzzCase(b, m, url, user, id, again, null))),
        (1, Gen.Frequency((1, Gen.String), (1, JsonValue), (1, Gen.Char.AlphaNumeric.Array[0, 40].Select(c => "{\"type\":\"" + new string(c)))).Select(s => new FuzzCase(0, [], 0, 0, 0, false, s))));

    [Fact]
    public async Task Mutated_and_random_activities_never_get_a_5xx_nor_leave_a_partial_write()
    {
        await Cases.SampleAsync(RunCaseAsync, iter: Iterations, threads: 1, print: c => c.ToString());
    }

    private async Task RunCaseAsync(FuzzCase fuzz)
    {
        var body = fuzz.RawText ?? Build(fuzz).ToJsonString();
        var before = await _host.SnapshotAsync();

        var status = await PostAsync(body);

        // 501 is the protocol's answer to an invoke name EvalBot does not handle; every other 5xx is a bug.
        Assert.True(status is < 500 or 501, $"{status} for {body}");
        var after = await _host.SnapshotAsync();
        if (status == 501)
        {
            Assert.Empty(before.Differences(after, "processed_activities", "conversation_references"));
        }
        else if (status is < 200 or >= 300)
        {
            Assert.Empty(before.Differences(after));
        }
        else if (fuzz.Redeliver && after.Rows("processed_activities") > before.Rows("processed_activities"))
        {
            var again = await PostAsync(body);
            Assert.Equal(status, again);
            Assert.Empty(after.Differences(await _host.SnapshotAsync()));
        }

        await AssertWholeAsync();
    }

    private async Task<int> PostAsync(string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await _host.Client.PostAsync(new Uri("/api/messages", UriKind.Relative), content);
        return (int)response.StatusCode;
    }

    private async Task AssertWholeAsync()
    {
        var (replies, marks, reports, audits, people, lines) = await _host.Bot.QueryAsync(async db => (
            await db.Outbox.Where(o => o.ReplyToId != null).Select(o => o.ReplyToId!).ToListAsync(),
            await db.ProcessedActivities.Select(p => p.Key).ToListAsync(),
            await db.CheckInReports.ToListAsync(),
            await db.AuditLog.Where(a => a.EntityType == "CheckInReport").Select(a => a.EntityId).ToListAsync(),
            await db.People.ToDictionaryAsync(p => p.Id, p => p.ExternalId),
            await db.CheckInLines.GroupBy(l => l.ReportId).Select(g => g.Key).ToListAsync()));
        var unmarked = replies.Where(reply => !marks.Any(k => k.EndsWith("|" + reply, StringComparison.Ordinal))).ToList();
        if (unmarked.Count > 0)
        {
            var rows = await _host.Bot.QueryAsync(db => db.Outbox.Where(o => unmarked.Contains(o.ReplyToId!))
                .Select(o => $"{o.Kind} {o.DedupeKey} in {o.ConversationId} ({o.Status}) replying to {o.ReplyToId}").ToListAsync());
            Assert.Fail($"replies without the processed mark of their turn: {string.Join("; ", rows)} ({marks.Count} marks in all)");
        }

        foreach (var report in reports)
        {
            Assert.Contains($"{people[report.PersonId]}/{report.Period}/v{report.Version}", audits);
            if (report.Status != CheckInStatus.Draft)
            {
                Assert.Contains(report.Id, lines);
            }
        }

        Assert.Equal(reports.Count(r => r.IsCurrent), reports.Where(r => r.IsCurrent).Select(r => (r.PersonId, r.Period)).Distinct().Count());
    }

    private JsonObject Build(FuzzCase fuzz)
    {
        var activity = (JsonObject)_bases[fuzz.Base % _bases.Count].DeepClone();
        if (fuzz.ServiceUrl < 9)
        {
            activity["serviceUrl"] = _host.Teams.ServiceUrl;
        }

        if (activity["from"] is JsonObject from)
        {
            from["aadObjectId"] = Users[fuzz.User];
            from["id"] = "29:" + Users[fuzz.User];
        }

        activity["id"] = "fuzz-" + fuzz.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..6];
        foreach (var m in fuzz.Mutations)
        {
            Apply(activity, m);
        }

        return activity;
    }

    private static void Apply(JsonObject activity, Mutation m)
    {
        var value = JsonNode.Parse(m.Json);
        switch (m.Op)
        {
            case 0 or 1 or 2:
                var slots = Slots(activity).ToList();
                if (slots.Count == 0) return;
                var (parent, key, index) = slots[m.Where % slots.Count];
                if (parent is JsonObject o && key is not null)
                {
                    if (m.Op == 0) o.Remove(key); else o[key] = value;
                }
                else if (parent is JsonArray a)
                {
                    if (m.Op == 0) a.RemoveAt(index); else a[index] = value;
                }

                break;
            case 3:
                activity["type"] = Types[m.Choice % Types.Length];
                break;
            case 4:
                Action(activity)["verb"] = Verbs[m.Choice % Verbs.Length];
                break;
            case 5:
                var data = Action(activity)["data"] as JsonObject ?? [];
                Action(activity)["data"] = data;
                var field = (m.Choice % 8) switch
                {
                    0 => "period",
                    1 => "reportId",
                    2 => "requestId",
                    3 => $"target.{m.Where % 12}.done",
                    4 => $"target.{m.Where % 12}.evidence",
                    5 => "general.politics",
                    6 => "year",
                    _ => "personId",
                };
                data[field] = value;
                break;
            case 6:
                activity["name"] = Names[m.Choice % Names.Length];
                break;
            case 7:
                activity["text"] = Texts[m.Choice % Texts.Length];
                break;
            case 8:
                activity["id"] = "fuzz-shared-" + (m.Choice % 3).ToString(System.Globalization.CultureInfo.InvariantCulture);
                break;
            default:
                activity[(m.Choice % 2) == 0 ? "channelData" : "entities"] = value;
                break;
        }
    }

    private static JsonObject Action(JsonObject activity)
    {
        if (activity["value"] is not JsonObject value)
        {
            activity["value"] = value = [];
        }

        if (value["action"] is not JsonObject action)
        {
            value["action"] = action = new JsonObject { ["type"] = "Action.Execute" };
        }

        return action;
    }

    private static IEnumerable<(JsonNode Parent, string? Key, int Index)> Slots(JsonNode node)
    {
        if (node is JsonObject o)
        {
            foreach (var (key, child) in o.ToList())
            {
                yield return (o, key, -1);
                if (child is not null)
                {
                    foreach (var inner in Slots(child)) yield return inner;
                }
            }
        }
        else if (node is JsonArray a)
        {
            for (var i = 0; i < a.Count; i++)
            {
                yield return (a, null, i);
                if (a[i] is { } child)
                {
                    foreach (var inner in Slots(child)) yield return inner;
                }
            }
        }
    }

    private static string JsonValueOf(string s) => System.Text.Json.JsonSerializer.Serialize(s);
}
