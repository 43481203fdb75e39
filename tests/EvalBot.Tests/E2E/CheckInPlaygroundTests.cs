using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EvalBot.Persistence.Entities;
using EvalBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EvalBot.Tests.E2E;

/// <summary>
/// The quarterly check-in end to end with a real Teams client: the admin opens the period on the demo organisation,
/// a Playground user (Alex Wilber) gets the check-in card and submits it, his leader (Megan Bowen, another Playground
/// user) confirms it, and the stored report and score are right.
/// </summary>
public sealed class CheckInPlaygroundTests : IAsyncLifetime
{
    private const string AdminKey = "e2e-admin-key";
    private const string Alex = "user-id-0";
    private const string Megan = "user-id-1";

    // Wednesday 25 November 2026, 10:00 in Hà Nội: a working day and within working hours, so prompts go at once.
    private readonly ShiftedTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 3, 0, 0, TimeSpan.Zero));
    private EvalBotFactory _bot = null!;
    private AgentsPlayground _playground = null!;
    private AgentsPlayground _meganPlayground = null!;
    private HttpClient _admin = null!;

    public async Task InitializeAsync()
    {
        var port = AgentsPlayground.FreePort();
        _bot = new EvalBotFactory(
            new Dictionary<string, string?> { ["EvalBot:SeedDemo"] = "true", ["Admin:ApiKey"] = AdminKey, ["Scheduling:Enabled"] = "false" },
            services => services.AddSingleton<TimeProvider>(_time));
        _bot.UseKestrel(port);
        _bot.StartServer();
        _admin = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        _admin.DefaultRequestHeaders.Add("X-Admin-Key", AdminKey);
        _playground = await AgentsPlayground.StartAsync($"http://127.0.0.1:{port}/api/messages");
        _meganPlayground = await AgentsPlayground.StartAsync($"http://127.0.0.1:{port}/api/messages", Path.Combine(RepoPaths.Root, "demo", "playground", "megan.yml"));
    }

    public async Task DisposeAsync()
    {
        _admin.Dispose();
        await _playground.DisposeAsync();
        await _meganPlayground.DisposeAsync();
        await _bot.DisposeAsync();
    }

    [Fact]
    public async Task Admin_opens_the_period_Alex_reports_Megan_confirms_and_the_score_is_stored()
    {
        // Alex and Megan each have EvalBot installed in their own Teams client.
        await _bot.InstallAsync(_playground);
        await _playground.NextBotMessageAsync(); // welcome
        await _bot.InstallAsync(_meganPlayground);
        await _meganPlayground.NextBotMessageAsync(); // welcome

        var open = await _admin.PostAsync("/admin/periods/2026-Q4/open", null);
        Assert.True(open.IsSuccessStatusCode, await open.Content.ReadAsStringAsync());

        var alex = await _bot.QueryAsync(db => db.People.SingleAsync(p => p.AadObjectId == "00000000-0000-0000-0000-0000000000020"));
        var prompt = await NextCardAsync(_playground, card => card.Contains("checkin.submit", StringComparison.Ordinal) && card.Contains(alex.FullName, StringComparison.Ordinal));
        var card = prompt["message"]!["attachments"]![0]!["content"]!.AsObject();
        var targetIds = InputIds(card).Where(id => id.StartsWith("target.", StringComparison.Ordinal) && id.EndsWith(".done", StringComparison.Ordinal))
            .Select(id => id.Split('.')[1]).ToList();
        Assert.NotEmpty(targetIds);

        var data = new JsonObject { ["period"] = "2026-Q4" };
        foreach (var id in targetIds)
        {
            data[$"target.{id}.done"] = "5";
            data[$"target.{id}.qualityOk"] = "5";
            data[$"target.{id}.onTime"] = "4";
            data[$"target.{id}.evidence"] = $"VB-{id}/2026";
        }

        foreach (var id in InputIds(card).Where(i => i.StartsWith("general.", StringComparison.Ordinal)))
        {
            data[id] = "9";
        }

        var receipt = await _playground.ExecuteAsync((string)prompt["message"]!["messageId"]!, "checkin.submit", data, Alex);
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)receipt["type"]);

        var review = await NextCardAsync(_meganPlayground, c => c.Contains("checkin.confirm", StringComparison.Ordinal) && c.Contains(alex.FullName, StringComparison.Ordinal));
        var reviewCard = review["message"]!["attachments"]![0]!["content"]!.AsObject();
        var reportId = FindData(reviewCard, "reportId");
        var decision = new JsonObject { ["reportId"] = reportId };
        foreach (var id in InputIds(reviewCard).Where(i => i.StartsWith("general.", StringComparison.Ordinal)))
        {
            decision[id] = "9";
        }

        var decided = await _meganPlayground.ExecuteAsync((string)review["message"]!["messageId"]!, "checkin.confirm", decision, Megan);
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)decided["type"]);

        var report = await _bot.QueryAsync(db => db.CheckInReports.Include(r => r.Lines).SingleAsync(r => r.PersonId == alex.Id && r.Period == "2026-Q4"));
        var megan = await _bot.QueryAsync(db => db.People.SingleAsync(p => p.AadObjectId == "00000000-0000-0000-0000-0000000000021"));
        Assert.Equal(CheckInStatus.Confirmed, report.Status);
        Assert.Equal(megan.Id, report.ReviewedByPersonId);
        Assert.Equal(targetIds.Count, report.Lines.Count);
        Assert.All(report.Lines, l => Assert.Equal(5, l.Done));
        Assert.NotNull(report.Score);
        Assert.InRange(report.Score!.Value, 1m, 100m);
        await NextCardAsync(_playground, c => c.Contains(megan.FullName, StringComparison.Ordinal) && !c.Contains("checkin.confirm", StringComparison.Ordinal) && !c.Contains("checkin.submit", StringComparison.Ordinal));
        // The other demo people have not installed EvalBot in a Playground, so their prompts fail and are retried
        // (reported by the outbox, logged by the retry pipeline); nothing else may have failed.
        Assert.DoesNotContain(_bot.Logs.Errors, e => !e.Category.StartsWith("Polly", StringComparison.Ordinal));
    }

    private static async Task<JsonObject> NextCardAsync(AgentsPlayground client, Func<string, bool> match)
    {
        while (true)
        {
            var message = await client.NextBotMessageAsync(TimeSpan.FromSeconds(60));
            var content = message["message"]?["attachments"]?[0]?["content"];
            if (content is not null && match(content.Readable()))
            {
                return message;
            }
        }
    }

    private static IEnumerable<string> InputIds(JsonNode? node) => node switch
    {
        JsonObject o => ((string?)o["type"] is { } type && type.StartsWith("Input.", StringComparison.Ordinal) && o["id"] is JsonValue id ? [(string)id!] : Enumerable.Empty<string>())
            .Concat(o.Where(p => p.Key != "fallback").SelectMany(p => InputIds(p.Value))),
        JsonArray a => a.SelectMany(InputIds),
        _ => [],
    };

    private static string FindData(JsonNode? node, string key) => node switch
    {
        JsonObject o when o["data"] is JsonObject d && d[key] is JsonValue v => (string)v!,
        JsonObject o => o.Select(p => p.Value).Select(v => FindDataOrNull(v, key)).FirstOrDefault(v => v is not null) ?? throw new KeyNotFoundException(key),
        _ => throw new KeyNotFoundException(key),
    };

    private static string? FindDataOrNull(JsonNode? node, string key)
    {
        try
        {
            return node is JsonObject or JsonArray ? FindDataIn(node, key) : null;
        }
        catch (KeyNotFoundException)
        {
            return null;
        }
    }

    private static string FindDataIn(JsonNode node, string key) => node is JsonArray a
        ? a.Select(i => FindDataOrNull(i, key)).FirstOrDefault(v => v is not null) ?? throw new KeyNotFoundException(key)
        : FindData(node, key);
}
