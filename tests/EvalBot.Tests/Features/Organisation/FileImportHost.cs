using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EvalBot.Features.Organisation;
using EvalBot.Persistence.Entities;
using EvalBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Population = EvalBot.Domain.Records.Population;

namespace EvalBot.Tests.Features.Organisation;

/// <summary>
/// The app with a fake Teams connector and a fake file server behind the download client, and an agency "AG" with a
/// member of the organisation board ("aad-board"), its head ("aad-head") and staff ("aad-staff").
/// </summary>
public sealed class FileImportHost : IAsyncDisposable
{
    private FileImportHost(FakeTeamsConnector teams, EvalBotFactory bot, FakeDownloads downloads)
    {
        Teams = teams;
        Bot = bot;
        Downloads = downloads;
        Client = bot.CreateClient();
    }

    public FakeTeamsConnector Teams { get; }
    public EvalBotFactory Bot { get; }
    public FakeDownloads Downloads { get; }
    public HttpClient Client { get; }

    /// <summary>Starts the app; <paramref name="seed"/> false for a second instance on a database already seeded.</summary>
    public static async Task<FileImportHost> StartAsync(IDictionary<string, string?>? settings = null, bool seed = true)
    {
        var teams = await FakeTeamsConnector.StartAsync();
        var downloads = new FakeDownloads();
        var all = new Dictionary<string, string?> { ["Scheduling:Enabled"] = "false" };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) all[key] = value;
        var bot = new EvalBotFactory(all, s => s.AddHttpClient(FileDownload.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => downloads));
        var host = new FileImportHost(teams, bot, downloads);
        _ = bot.Services;
        if (!seed) return host;
        await bot.QueryAsync(async db =>
        {
            var agency = new Unit { ExternalId = "AG", Name = "Văn phòng UBND xã", IsAgency = true };
            db.Units.Add(agency);
            await db.SaveChangesAsync();
            Person Add(string id, string aad, bool board = false, bool leader = false) =>
                db.People.Add(new Person { ExternalId = id, FullName = "Người " + id, AadObjectId = aad, UnitId = agency.Id, Population = Population.CivilServant, IsOrganisationBoard = board, IsLeader = leader }).Entity;
            var head = Add("P-HEAD", "aad-head", leader: true);
            Add("P-BOARD", "aad-board", board: true);
            Add("P-STAFF", "aad-staff");
            await db.SaveChangesAsync();
            agency.HeadPersonId = head.Id;
            return await db.SaveChangesAsync();
        });
        return host;
    }

    /// <summary>A message carrying one Teams file (<c>file.download.info</c>), as Teams posts it from personal chat.</summary>
    public JsonObject FileMessage(string user, string name, string downloadUrl, string text = "", string? id = null, string? locale = null, string? serviceUrl = null)
    {
        var activity = Activities.Message(serviceUrl ?? Teams.ServiceUrl, text, userAad: user, id: id, locale: locale);
        activity["attachments"] = new JsonArray(new JsonObject
        {
            ["contentType"] = FileImportHandler.DownloadInfoContentType,
            ["name"] = name,
            ["content"] = new JsonObject
            {
                ["downloadUrl"] = downloadUrl,
                ["uniqueId"] = Guid.NewGuid().ToString(),
                ["fileType"] = Path.GetExtension(name).TrimStart('.'),
                ["etag"] = "\"{ETAG},1\"",
            },
        });
        return activity;
    }

    /// <summary>Posts the activity and returns the text of every reply it queued (card texts joined by new lines).</summary>
    public async Task<IReadOnlyList<string>> PostAsync(JsonObject activity)
    {
        var response = await Client.PostAsJsonAsync("/api/messages", activity);
        response.EnsureSuccessStatusCode();
        var id = (string)activity["id"]!;
        var replies = await Bot.QueryAsync(db => db.Outbox.Where(o => o.DedupeKey.Contains(id)).OrderBy(o => o.Id).Select(o => o.ActivityJson).ToListAsync());
        return replies.Select(r => TextOf(JsonNode.Parse(r))).ToList();
    }

    /// <summary>Sends a file and returns the one reply.</summary>
    public async Task<string> SendFileAsync(string user, string name, string downloadUrl, string text = "", string? locale = null) =>
        Assert.Single(await PostAsync(FileMessage(user, name, downloadUrl, text, locale: locale)));

    public Task<int> PeopleAsync() => Bot.QueryAsync(db => db.People.CountAsync());

    public Task<List<AuditEntry>> ImportAuditsAsync() =>
        Bot.QueryAsync(db => db.AuditLog.Where(a => a.Action == "organisation.import").ToListAsync());

    /// <summary>Every string in a reply: the text of a plain message, or every text of a card, one per line.</summary>
    private static string TextOf(JsonNode? node) => node switch
    {
        JsonObject o => string.Join("\n", o.Where(p => p.Key is not "contentType" and not "type" and not "textFormat").Select(p => TextOf(p.Value)).Where(t => t.Length > 0)),
        JsonArray a => string.Join("\n", a.Select(TextOf).Where(t => t.Length > 0)),
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => "",
    };

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Bot.DisposeAsync();
        await Teams.DisposeAsync();
    }
}
