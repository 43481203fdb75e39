using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EvalBot.Admin;
using EvalBot.Persistence;
using EvalBot.Persistence.Entities;
using EvalBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Population = EvalBot.Domain.Records.Population;

namespace EvalBot.Tests.Features.Classification;

/// <summary>
/// The app with an admin key and a fake Teams connector, plus a seeded agency ("AG", headed by "aad-top", with a board
/// member "aad-board") and its team ("TEAM", headed by "aad-head") of staff with confirmed reports for 2026 whose scores
/// give chosen levels. Under rule 25 the agency head decides the team's staff and its head; with <c>teamIsAgency</c> the
/// team is a body of its own inside the agency, so its head decides its staff and the agency head decides its head.
/// </summary>
public sealed class ClassificationHost : IAsyncDisposable
{
    public const string AdminKey = "classification-admin-key";
    public const int Year = 2026;

    private ClassificationHost(FakeTeamsConnector teams, EvalBotFactory bot)
    {
        Teams = teams;
        Bot = bot;
        Client = bot.CreateClient();
        Admin = bot.CreateClient();
        Admin.DefaultRequestHeaders.Add(AdminApi.KeyHeader, AdminKey);
    }

    public FakeTeamsConnector Teams { get; }
    public EvalBotFactory Bot { get; }
    public HttpClient Client { get; }
    public HttpClient Admin { get; }
    public Unit Agency { get; private set; } = null!;
    public Unit Team { get; private set; } = null!;
    public Dictionary<string, Person> People { get; } = [];

    /// <summary>Creates the host with <paramref name="excellent"/> people at 100, 99, 98… (down to 90) and <paramref name="good"/> people at 79 in the team.</summary>
    public static async Task<ClassificationHost> StartAsync(
        int excellent, int good, bool scheduling = false, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null, bool teamIsAgency = false)
    {
        var teams = await FakeTeamsConnector.StartAsync();
        var all = new Dictionary<string, string?> { ["Admin:ApiKey"] = AdminKey, ["Scheduling:Enabled"] = scheduling ? "true" : "false" };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) all[key] = value;
        var bot = new EvalBotFactory(all, services);
        var host = new ClassificationHost(teams, bot);
        await host.SeedAsync(excellent, good, teamIsAgency);
        return host;
    }

    private async Task SeedAsync(int excellent, int good, bool teamIsAgency) => await Bot.QueryAsync(async db =>
    {
        Agency = new Unit { ExternalId = "AG", Name = "Văn phòng UBND xã", IsAgency = true };
        db.Units.Add(Agency);
        await db.SaveChangesAsync();
        Team = new Unit { ExternalId = "TEAM", Name = "Phòng Tổng hợp", ParentId = Agency.Id, IsAgency = teamIsAgency };
        db.Units.Add(Team);
        await db.SaveChangesAsync();
        var top = Add(db, "P-TOP", "Chủ tịch Top", "aad-top", Agency, leader: true);
        var board = Add(db, "P-BOARD", "Ban Tổ Chức", "aad-board", Agency, board: true);
        var head = Add(db, "P-HEAD", "Trưởng Phòng Head", "aad-head", Team, leader: true);
        await db.SaveChangesAsync();
        Agency.HeadPersonId = top.Id;
        Team.HeadPersonId = head.Id;
        board.ManagerId = top.Id;
        head.ManagerId = top.Id;
        var staff = new List<Person>();
        for (var i = 0; i < excellent + good; i++)
        {
            // Nhân Viên A…Z, then numbered: large teams must keep every name distinct and printable.
            var p = Add(db, $"P-{i:00}", $"Nhân Viên {(i < 26 ? ((char)('A' + i)).ToString() : i.ToString("000", System.Globalization.CultureInfo.InvariantCulture))}", $"aad-{i:00}", Team);
            p.ManagerId = head.Id;
            staff.Add(p);
        }

        await db.SaveChangesAsync();
        var n = 0;
        foreach (var p in staff)
        {
            var general = n < excellent ? Math.Max(20, 30 - n) : 9;
            foreach (var q in new[] { "2026-Q1", "2026-Q2", "2026-Q3" })
            {
                Report(db, p, q, general);
            }

            n++;
        }

        await db.SaveChangesAsync();
        return 0;
    });

    private Person Add(EvalBotDbContext db, string id, string name, string aad, Unit unit, bool leader = false, bool board = false)
    {
        var person = new Person { ExternalId = id, FullName = name, AadObjectId = aad, UnitId = unit.Id, Population = Population.CivilServant, IsLeader = leader, IsOrganisationBoard = board, Email = id.ToLowerInvariant() + "@example.test" };
        db.People.Add(person);
        People[id] = person;
        return person;
    }

    /// <summary>A confirmed report: one product fully delivered (70 task points) plus the given general points spread over three criteria.</summary>
    public static void Report(EvalBotDbContext db, Person person, string period, decimal general)
    {
        var target = new Target
        {
            ExternalId = $"T-{person.ExternalId}-{period}", Period = period, PersonId = person.Id, Title = "Văn bản tham mưu", UnitOfMeasure = "văn bản",
            Quantity = 10, ConversionFactor = 1, Deadline = new DateOnly(2026, 12, 31), QualityRequirement = "Được duyệt",
        };
        db.Targets.Add(target);
        db.SaveChanges();
        var third = general / 3m;
        var json = FormattableString.Invariant($"{{\"politics\":{third},\"competence\":{third},\"innovation\":{third}}}");
        db.CheckInReports.Add(new CheckInReport
        {
            PersonId = person.Id, Period = period, Version = 1, IsCurrent = true, Status = CheckInStatus.Confirmed, GeneralJson = json, ConfirmedGeneralJson = json,
            Score = 70 + general, CreatedAt = TimeProvider.System.GetUtcNow(),
            Lines = [new CheckInLine { TargetId = target.Id, Done = 10, QualityOk = 10, OnTime = 10, Evidence = "VB" }],
        });
    }

    public async Task<JsonObject> CompileAsync()
    {
        var response = await Admin.PostAsync($"/admin/years/{Year}/compile", null);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    /// <summary>Every person's review steps for the year (rule 23), taken before the decision.</summary>
    public Task GiveReviewStepsAsync() => TestReview.GiveStepsAsync(Bot, Year);

    public async Task<JsonObject> InvokeAsync(string verb, JsonObject data, string user, string? locale = null)
    {
        var response = await Client.PostAsJsonAsync("/api/messages", Activities.Invoke(Teams.ServiceUrl, verb, data, userAad: user, locale: locale));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    public async Task SayAsync(string text, string user, string? locale = null)
    {
        var response = await Client.PostAsJsonAsync("/api/messages", Activities.Message(Teams.ServiceUrl, text, userAad: user, conversationId: "a:" + user, locale: locale));
        response.EnsureSuccessStatusCode();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        Admin.Dispose();
        await Bot.DisposeAsync();
        await Teams.DisposeAsync();
    }
}
