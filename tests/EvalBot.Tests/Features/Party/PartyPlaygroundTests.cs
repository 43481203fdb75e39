using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EvalBot.Admin;
using EvalBot.Persistence.Entities;
using EvalBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EvalBot.Tests.Features.Party;

/// <summary>
/// The Party track end to end through the Microsoft 365 Agents Playground on the demo organisation, last year (its state
/// ratings are decided): the board opens the round; the cell's collective is rated first (its secretary Megan Bowen
/// self-rates it from another Teams client); then Adele Vance self-rates on the card she received, Lynne Robbins (the
/// advisory body) verifies on the card that comes to her, Patti Fernandez (the competent level) decides on hers, and
/// Adele's chat gets the result.
/// </summary>
public sealed class PartyPlaygroundTests : IAsyncLifetime
{
    private const string AdminKey = "party-playground-admin-key";
    private const string Megan = "00000000-0000-0000-0000-0000000000021";
    private const string Tenant = "00000000-0000-0000-0000-0000000000001";

    private readonly ShiftedTimeProvider _time = new(TimeProvider.System.GetUtcNow());
    private EvalBotFactory _bot = null!;
    private FakeTeamsConnector _otherClient = null!;
    private AgentsPlayground _adele = null!, _lynne = null!, _patti = null!;
    private int _port;

    public async Task InitializeAsync()
    {
        _port = AgentsPlayground.FreePort();
        _bot = new EvalBotFactory(new Dictionary<string, string?> { ["EvalBot:SeedDemo"] = "true", ["Scheduling:Enabled"] = "false", ["Admin:ApiKey"] = AdminKey },
            services => services.AddSingleton<TimeProvider>(_time));
        _bot.UseKestrel(_port);
        _bot.StartServer();
        var endpoint = $"http://127.0.0.1:{_port}/api/messages";
        _otherClient = await FakeTeamsConnector.StartAsync();
        _adele = await AgentsPlayground.StartAsync(endpoint, Config("adele"));
        _lynne = await AgentsPlayground.StartAsync(endpoint, Config("lynne"));
        _patti = await AgentsPlayground.StartAsync(endpoint, Config("patti"));
    }

    public async Task DisposeAsync()
    {
        await _adele.DisposeAsync();
        await _lynne.DisposeAsync();
        await _patti.DisposeAsync();
        await _bot.DisposeAsync();
        await _otherClient.DisposeAsync();
    }

    [Fact]
    public async Task A_member_self_rates_the_advisory_body_verifies_the_competent_level_decides_and_the_member_gets_the_result()
    {
        foreach (var client in new[] { _adele, _lynne, _patti })
        {
            await _bot.InstallAsync(client);
            await client.NextBotMessageAsync(); // welcome
        }

        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{_port}") };
        await PostAsync(http, Activities.Message(_otherClient.ServiceUrl, "trợ giúp", Megan));
        var year = await _bot.QueryAsync(db => db.Set<ClassificationRecord>().MaxAsync(r => r.Year));
        using (var admin = new HttpClient { BaseAddress = http.BaseAddress })
        {
            admin.DefaultRequestHeaders.Add(AdminApi.KeyHeader, AdminKey);
            (await admin.PostAsync($"/admin/years/{year}/party/compile", null)).EnsureSuccessStatusCode();
        }

        // The cell's collective first (rule 32): its secretary self-rates it, with the review meeting two weeks on (rule 34:
        // at least three working days after the draft goes to the members); once the meeting has been held, the advisory
        // body verifies and the competent level decides.
        var meetingOn = DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime).AddDays(14).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var collective = await _bot.QueryAsync(db => db.PartyRatings.Where(r => r.Year == year)
            .Join(db.PartyCollectives.Where(c => c.ExternalId == "TT-CB-VPTH"), r => r.CollectiveId, c => (long?)c.Id, (r, c) => r.Id).SingleAsync());
        await PostAsync(http, Activities.Invoke(_otherClient.ServiceUrl, "party.self", Form(collective, [("party.general", "26"), ("party.task", "62"), ("party.meetingOn", meetingOn), .. PartyHost.Form01(exceeded: 2)]), Megan));
        Assert.Equal(PartyRatingStep.SelfRated, await StepAsync(collective));
        _time.Skip(TimeSpan.FromDays(15));
        await PressAsync(_lynne, "Chi bộ Văn phòng – Tổng hợp", "party.verify", [("party.general", "26"), ("party.task", "62"), .. PartyHost.Form01(exceeded: 2)]);
        await PressAsync(_patti, "Chi bộ Văn phòng – Tổng hợp", "party.decide", ("party.level", "HTT"), ("party.note", "Đồng ý với đề xuất"));
        Assert.Equal(PartyRatingStep.Decided, await StepAsync(collective));

        // Adele's own rating, on the cards each of them received.
        var adele = await _bot.QueryAsync(db => db.PartyRatings.Where(r => r.Year == year)
            .Join(db.People.Where(p => p.ExternalId == "P-ADELE"), r => r.PersonId, p => (long?)p.Id, (r, p) => r.Id).SingleAsync());
        await PressAsync(_adele, "Adele Vance", "party.self", ("party.general", "25"), ("party.task", "61.5"), ("party.strengths", "On time"));
        Assert.Equal(PartyRatingStep.SelfRated, await StepAsync(adele));
        await PressAsync(_lynne, "Adele Vance", "party.verify", ("party.general", "25"), ("party.task", "61.5"),
            ("party.residence", "Gương mẫu nơi cư trú"));
        await PressAsync(_patti, "Adele Vance", "party.decide", ("party.level", "HTT"), ("party.note", "Đồng ý với đề xuất"));

        var row = await _bot.QueryAsync(db => db.PartyRatings.AsNoTracking().SingleAsync(r => r.Id == adele));
        Assert.Equal((PartyRatingStep.Decided, 1), (row.Step, row.Level!.Value));
        var result = await NextAsync(_adele, m => Content(m).Contains("Adele Vance", StringComparison.Ordinal) && !Content(m).Contains("party.self", StringComparison.Ordinal));
        Assert.True(Content(result).Contains("Hoàn thành tốt nhiệm vụ", StringComparison.Ordinal) || Content(result).Contains("Good", StringComparison.Ordinal), Content(result));
        Assert.DoesNotContain("party.decide", Content(result), StringComparison.Ordinal);
    }

    private static string Config(string user) => Path.Combine(RepoPaths.Root, "demo", "playground", user + ".yml");

    private static JsonObject Form(long rating, params (string Id, string Value)[] inputs)
    {
        var data = new JsonObject { ["rating"] = rating.ToString(CultureInfo.InvariantCulture) };
        foreach (var (id, value) in inputs) data[id] = value;
        return data;
    }

    private static async Task PostAsync(HttpClient http, JsonObject activity)
    {
        activity["conversation"]!["tenantId"] = Tenant;
        activity["channelData"]!["tenant"]!["id"] = Tenant;
        (await http.PostAsJsonAsync("/api/messages", activity)).EnsureSuccessStatusCode();
    }

    /// <summary>Waits in <paramref name="client"/>'s chat for the card about <paramref name="name"/> offering <paramref name="verb"/>, and presses it.</summary>
    private async Task PressAsync(AgentsPlayground client, string name, string verb, params (string Id, string Value)[] inputs)
    {
        var card = await NextAsync(client, m => Content(m).Contains(name, StringComparison.Ordinal) && Content(m).Contains($"\"verb\":\"{verb}\"", StringComparison.Ordinal));
        var rating = long.Parse(RatingOf(card["message"]!["attachments"]![0]!["content"]), CultureInfo.InvariantCulture);
        var answer = await client.ExecuteAsync((string)card["message"]!["messageId"]!, verb, Form(rating, inputs));
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)answer["type"]);
        Assert.DoesNotContain("\"color\":\"Attention\"", answer.Readable(), StringComparison.Ordinal);
    }

    private Task<PartyRatingStep> StepAsync(long id) => _bot.QueryAsync(db => db.PartyRatings.Where(r => r.Id == id).Select(r => r.Step).SingleAsync());

    private async Task<JsonObject> NextAsync(AgentsPlayground client, Func<JsonObject, bool> match)
    {
        var seen = new List<string>();
        while (true)
        {
            JsonObject message;
            try
            {
                message = await client.NextBotMessageAsync(TimeSpan.FromSeconds(90));
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException("Seen: " + string.Join("\n", seen) + "\nLogs: " + string.Join("\n",
                    _bot.Logs.Entries.Where(e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Warning).Select(e => e.ToString())));
            }

            if (match(message)) return message;
            seen.Add(message.Readable()[..Math.Min(300, message.Readable().Length)]);
        }
    }

    private static string Content(JsonObject message) =>
        message["message"]?["attachments"] is JsonArray { Count: > 0 } attachments ? attachments[0]!["content"].Readable() : "";

    private static string RatingOf(JsonNode? node) => node switch
    {
        JsonObject o when o["data"] is JsonObject d && (string?)d["rating"] is { } r => r,
        JsonObject o => o.Select(p => RatingOf(p.Value)).FirstOrDefault(v => v.Length > 0) ?? "",
        JsonArray a => a.Select(n => RatingOf(n)).FirstOrDefault(v => v.Length > 0) ?? "",
        _ => "",
    };
}
