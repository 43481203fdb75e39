using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EvalBot.Delivery;
using EvalBot.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace EvalBot.Tests.Reliability;

/// <summary>
/// The app on its own SQLite file with the test organisation (<see cref="TestOrganisation"/>), an admin key, a fake
/// Teams, no scheduler, and (by default) no outbox sender, so that the database changes only through the requests a
/// test makes and a before/after <see cref="DbSnapshot"/> is exact.
/// </summary>
public sealed class ReliabilityHost : IAsyncDisposable
{
    public const string AdminKey = "reliability-admin-key";

    private ReliabilityHost(FakeTeamsConnector teams, EvalBotFactory bot, HttpClient client, TestOrganisation org)
    {
        Teams = teams;
        Bot = bot;
        Client = client;
        Org = org;
    }

    public FakeTeamsConnector Teams { get; }

    public EvalBotFactory Bot { get; }

    public HttpClient Client { get; }

    public TestOrganisation Org { get; }

    public string ConnectionString => Bot.Services.GetRequiredService<IConfiguration>().GetConnectionString("EvalBot")!;

    public static async Task<ReliabilityHost> StartAsync(IDictionary<string, string?>? settings = null, bool sender = false, Action<IServiceCollection>? services = null)
    {
        var teams = await FakeTeamsConnector.StartAsync();
        var all = new Dictionary<string, string?> { ["Admin:ApiKey"] = AdminKey, ["Scheduling:Enabled"] = "false" };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var bot = new EvalBotFactory(all, collection =>
        {
            services?.Invoke(collection);
            if (!sender)
            {
                foreach (var hosted in collection.Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(OutboxSender)).ToList())
                {
                    collection.Remove(hosted);
                }

                // Nothing is delivered: a turn's replies stay in the outbox too, so snapshots hold still.
                collection.Configure<DeliveryOptions>(o => o.SendFromTurn = false);
            }
        });
        var client = bot.CreateClient();
        var org = await TestOrganisation.CreateAsync(bot, TimeProvider.System.GetUtcNow());
        return new ReliabilityHost(teams, bot, client, org);
    }

    public Task<DbSnapshot> SnapshotAsync() => DbSnapshot.TakeAsync(ConnectionString);

    public Task<HttpResponseMessage> PostAsync(JsonObject activity) => Client.PostAsJsonAsync("/api/messages", activity);

    public async Task<HttpResponseMessage> AdminAsync(HttpMethod method, string path, HttpContent? content = null, string? key = AdminKey)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (key is not null)
        {
            request.Headers.Add("X-Admin-Key", key);
        }

        return await Client.SendAsync(request);
    }

    /// <summary>A complete, valid check-in of the staff member for the open period.</summary>
    public JsonObject ValidReport()
    {
        string T(int index, string field) => $"target.{Org.StaffTargets[index].Id}.{field}";
        return new JsonObject
        {
            ["period"] = TestOrganisation.Period,
            [T(0, "done")] = "9",
            [T(0, "qualityOk")] = "8",
            [T(0, "onTime")] = "9",
            [T(0, "evidence")] = "https://vanban.example.gov.vn/1",
            [T(1, "done")] = "40",
            [T(1, "qualityOk")] = "40",
            [T(1, "onTime")] = "38",
            [T(1, "evidence")] = "Sổ theo dõi một cửa",
            ["general.politics"] = "9",
            ["general.competence"] = "9",
            ["general.innovation"] = "8",
            ["selfCriticism"] = "Còn chậm ở vài hồ sơ",
        };
    }

    public string TargetField(int index, string field) => $"target.{Org.StaffTargets[index].Id}.{field}";

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Bot.DisposeAsync();
        await Teams.DisposeAsync();
    }
}

/// <summary>One <see cref="ReliabilityHost"/> shared by a test class whose tests compare snapshots of their own requests.</summary>
public sealed class ReliabilityHostFixture : IAsyncLifetime
{
    public ReliabilityHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await ReliabilityHost.StartAsync();

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
