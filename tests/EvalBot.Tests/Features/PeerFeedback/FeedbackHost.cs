using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EvalBot.Persistence.Entities;
using EvalBot.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Tests.Features.PeerFeedback;

/// <summary>
/// The app with one unit: a head who leads five staff (all reachable in Teams), a check-in campaign open for
/// <see cref="Period"/>, and a first message so the bot knows its tenant and bot account for proactive cards.
/// </summary>
public sealed class FeedbackHost : IAsyncDisposable
{
    public const string Period = "2026-Q3";
    public const string AdminKey = "feedback-admin-key";

    private FeedbackHost(FakeTeamsConnector teams, EvalBotFactory bot, HttpClient client)
    {
        Teams = teams;
        Bot = bot;
        Client = client;
    }

    public FakeTeamsConnector Teams { get; }

    public EvalBotFactory Bot { get; }

    public HttpClient Client { get; }

    public Person Head { get; private set; } = null!;

    public List<Person> Staff { get; } = [];

    public static async Task<FeedbackHost> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var teams = await FakeTeamsConnector.StartAsync();
        // A cap above the unit's need leaves room to replace a reviewer.
        var all = new Dictionary<string, string?> { ["Scheduling:Enabled"] = "false", ["Admin:ApiKey"] = AdminKey, ["PeerFeedback:MaxRequestsPerReviewer"] = "5" };
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>())
        {
            all[k] = v;
        }

        var bot = new EvalBotFactory(all);
        var host = new FeedbackHost(teams, bot, bot.CreateClient());
        host.Client.DefaultRequestHeaders.Add("X-Admin-Key", AdminKey);
        await host.SeedAsync();
        (await host.Client.PostAsJsonAsync("/api/messages", Activities.Message(teams.ServiceUrl, "help", userAad: "aad-head"))).EnsureSuccessStatusCode();
        return host;
    }

    private async Task SeedAsync()
    {
        var now = TimeProvider.System.GetUtcNow();
        await Bot.QueryAsync(async db =>
        {
            var unit = new Unit { ExternalId = "U1", Name = "Phòng Tổng hợp", IsAgency = true };
            db.Units.Add(unit);
            await db.SaveChangesAsync();
            Head = new Person { ExternalId = "P-HEAD", FullName = "Trần Văn Trưởng", AadObjectId = "aad-head", UnitId = unit.Id, IsLeader = true };
            db.People.Add(Head);
            await db.SaveChangesAsync();
            unit.HeadPersonId = Head.Id;
            for (var i = 1; i <= 5; i++)
            {
                var person = new Person { ExternalId = $"P-{i}", FullName = $"Nhân viên {i}", AadObjectId = $"aad-s{i}", UnitId = unit.Id, ManagerId = Head.Id };
                db.People.Add(person);
                Staff.Add(person);
            }

            db.CheckInCampaigns.Add(new CheckInCampaign { Period = Period, OpenedAt = now.AddDays(-1), ClosesAt = now.AddDays(14), OpenedBy = "test", PromptsQueuedAt = now.AddDays(-1) });
            await db.SaveChangesAsync();
            return 0;
        });
    }

    public async Task<JsonObject> OpenRoundAsync()
    {
        var response = await Client.PostAsync($"/admin/feedback/{Period}/open", null);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    public async Task<JsonObject> InvokeAsync(string verb, JsonObject data, string user)
    {
        var response = await Client.PostAsJsonAsync("/api/messages", Activities.Invoke(Teams.ServiceUrl, verb, data, userAad: user));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    public Task<List<FeedbackRequest>> RequestsAsync() => Bot.QueryAsync(db => db.Set<FeedbackRequest>().AsNoTracking().OrderBy(r => r.Id).ToListAsync());

    public static string AadOf(Person person) => person.AadObjectId!;

    public async Task<string> AadOfAsync(long personId) => (await Bot.QueryAsync(db => db.People.SingleAsync(p => p.Id == personId))).AadObjectId!;

    public static JsonObject Answer(long requestId, string politics = "4", string competence = "5", string innovation = "na", string strengths = "", string improvements = "") => new()
    {
        ["requestId"] = requestId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["rating.politics"] = politics,
        ["rating.competence"] = competence,
        ["rating.innovation"] = innovation,
        ["strengths"] = strengths,
        ["improvements"] = improvements,
    };

    public Task CloseAsync() => Bot.QueryAsync(async db =>
    {
        var campaign = await db.CheckInCampaigns.SingleAsync(c => c.Period == Period);
        campaign.ClosedAt = TimeProvider.System.GetUtcNow();
        return await db.SaveChangesAsync();
    });

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Bot.DisposeAsync();
        await Teams.DisposeAsync();
    }
}
