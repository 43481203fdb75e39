using System.Collections.Concurrent;
using System.IO.Compression;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using EvalBot.Features.Classification;
using EvalBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace EvalBot.Tests.Features.Classification;

/// <summary>
/// The classification host with 2026 compiled, a clock the test moves, and a fake Teams upload endpoint (the
/// <see cref="FileUploader"/>'s HTTP handler) that records every PUT.
/// </summary>
public sealed partial class ExportHost : IAsyncDisposable
{
    public const string UploadUrl = "https://upload.teams.test/sessions/1";

    private ExportHost(ClassificationHost host, FakeTimeProvider clock, FakeUpload upload)
    {
        Host = host;
        Clock = clock;
        Upload = upload;
    }

    public ClassificationHost Host { get; }
    public FakeTimeProvider Clock { get; }
    public FakeUpload Upload { get; }

    public static async Task<ExportHost> StartAsync()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 2, 0, 0, TimeSpan.Zero));
        var upload = new FakeUpload();
        var host = await ClassificationHost.StartAsync(excellent: 2, good: 3, teamIsAgency: true, services: services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(clock);
            services.AddHttpClient(FileUploader.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => upload);
        });
        await host.CompileAsync();
        return new ExportHost(host, clock, upload);
    }

    /// <summary>Posts a message (in the user's personal chat unless a conversation is given) and returns what the turn queued.</summary>
    public async Task<List<Queued>> SayAsync(string text, string user, JsonObject? conversation = null)
    {
        var id = Guid.NewGuid().ToString("N");
        var activity = Activities.Message(Host.Teams.ServiceUrl, text, userAad: user, id: id);
        if (conversation is not null) activity["conversation"] = conversation.DeepClone();
        (await Host.Client.PostAsJsonAsync("/api/messages", activity)).EnsureSuccessStatusCode();
        return await QueuedAsync(id);
    }

    /// <summary>Posts a file consent answer; returns the HTTP response and what the turn queued.</summary>
    public async Task<(HttpResponseMessage Response, List<Queued> Queued)> ConsentAsync(string user, string action, JsonNode? context, JsonObject? conversation = null)
    {
        var id = Guid.NewGuid().ToString("N");
        var activity = Activities.Invoke(Host.Teams.ServiceUrl, "unused", [], userAad: user, id: id);
        activity["name"] = "fileConsent/invoke";
        activity["value"] = new JsonObject
        {
            ["type"] = "fileUpload",
            ["action"] = action,
            ["context"] = context?.DeepClone(),
            ["uploadInfo"] = new JsonObject
            {
                ["name"] = "xep-loai-2026-AG.xlsx", ["uploadUrl"] = UploadUrl, ["contentUrl"] = "https://files.teams.test/xep-loai.xlsx",
                ["uniqueId"] = "unique-1", ["fileType"] = "xlsx",
            },
        };
        if (conversation is not null) activity["conversation"] = conversation.DeepClone();
        var response = await Host.Client.PostAsJsonAsync("/api/messages", activity);
        return (response, await QueuedAsync(id));
    }

    /// <summary>The file consent attachments among queued messages.</summary>
    public static List<JsonObject> Offers(IEnumerable<Queued> queued) =>
        [.. queued.SelectMany(q => q.Message["attachments"]?.AsArray() ?? []).OfType<JsonObject>()
            .Where(a => (string?)a["contentType"] == "application/vnd.microsoft.teams.card.file.consent")];

    /// <summary>The download link's path in a queued message's text.</summary>
    public static string LinkPath(Queued queued) => LinkPattern().Match((string?)queued.Message["text"] ?? "") is { Success: true } m ? m.Groups[1].Value : "";

    /// <summary>The official list as the admin API gives it.</summary>
    public async Task<byte[]> AdminXlsxAsync(string? unit = null) =>
        await Host.Admin.GetByteArrayAsync($"/admin/years/2026/classification.xlsx" + (unit is null ? "" : "?unit=" + unit));

    /// <summary>A workbook's entries with their content: equal for the same list whenever it was written (zip times differ).</summary>
    public static string Entries(byte[] xlsx)
    {
        using var zip = new ZipArchive(new MemoryStream(xlsx), ZipArchiveMode.Read);
        return string.Join("\n", zip.Entries.OrderBy(e => e.FullName, StringComparer.Ordinal).Select(e =>
        {
            using var reader = new StreamReader(e.Open(), Encoding.UTF8);
            return e.FullName + "\n" + reader.ReadToEnd();
        }));
    }

    public Task<int> AuditCountAsync(string action) => Host.Bot.QueryAsync(db => db.AuditLog.CountAsync(a => a.Action == action));

    private Task<List<Queued>> QueuedAsync(string activityId) => Host.Bot.QueryAsync(async db =>
        (await db.Outbox.AsNoTracking().Where(o => o.DedupeKey.Contains(activityId)).OrderBy(o => o.Id).ToListAsync())
            .Select(o => new Queued(o.ConversationId, o.RecipientAadObjectId, JsonNode.Parse(o.ActivityJson)!.AsObject())).ToList());

    [GeneratedRegex(@"https?://[^/\s]+(/files/[A-Za-z0-9_-]+)")]
    private static partial Regex LinkPattern();

    public async ValueTask DisposeAsync() => await Host.DisposeAsync();
}

/// <summary>A message a turn queued: the conversation it goes to, or the person whose personal chat it goes to.</summary>
public sealed record Queued(string? ConversationId, string? Recipient, JsonObject Message)
{
    public string Text => (string?)Message["text"] ?? "";
}

/// <summary>Teams' upload session: records each request with its body and Content-Range, answers 201 (or a scripted status).</summary>
public sealed class FakeUpload : HttpMessageHandler
{
    public ConcurrentQueue<(HttpMethod Method, Uri? Url, byte[] Body, string? ContentRange)> Requests { get; } = new();

    public System.Net.HttpStatusCode Status { get; set; } = System.Net.HttpStatusCode.Created;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        Requests.Enqueue((request.Method, request.RequestUri, body, request.Content?.Headers.ContentRange?.ToString()));
        return new HttpResponseMessage(Status);
    }
}
