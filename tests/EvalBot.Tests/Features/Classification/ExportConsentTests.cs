using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace EvalBot.Tests.Features.Classification;

/// <summary>
/// <c>xuất 2026</c> through Teams' file consent flow, against a fake upload endpoint: accept uploads exactly the official
/// list with its Content-Range and sends the file card; decline uploads nothing; an answer by someone else, or with a
/// context altered to another unit, or given twice, uploads nothing.
/// </summary>
public sealed class ExportConsentTests : IAsyncLifetime
{
    private ExportHost _host = null!;

    public async Task InitializeAsync() => _host = await ExportHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Accept_puts_the_official_list_with_its_range_then_sends_the_file_card_and_answers_200()
    {
        var offer = Assert.Single(ExportHost.Offers(await _host.SayAsync("xuất 2026", "aad-board")));
        Assert.Equal("xep-loai-2026-AG.xlsx", (string?)offer["name"]);
        var context = offer["content"]!["acceptContext"]!;
        Assert.Equal(2026, (int)context["year"]!);
        Assert.Equal("AG", (string?)context["unit"]);

        var (response, queued) = await _host.ConsentAsync("aad-board", "accept", context);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        var put = Assert.Single(_host.Upload.Requests);
        Assert.Equal(HttpMethod.Put, put.Method);
        Assert.Equal(ExportHost.UploadUrl, put.Url!.ToString());
        var n = put.Body.Length;
        Assert.Equal((int)offer["content"]!["sizeInBytes"]!, n);
        Assert.Equal($"bytes 0-{n - 1}/{n}", put.ContentRange);
        Assert.Equal(ExportHost.Entries(await _host.AdminXlsxAsync()), ExportHost.Entries(put.Body));
        var info = Assert.Single(queued).Message["attachments"]![0]!;
        Assert.Equal("application/vnd.microsoft.teams.card.file.info", (string?)info["contentType"]);
        Assert.Equal("https://files.teams.test/xep-loai.xlsx", (string?)info["contentUrl"]);
        Assert.Equal("unique-1", (string?)info["content"]!["uniqueId"]);
        Assert.Equal("xlsx", (string?)info["content"]!["fileType"]);
        Assert.Equal(1, await _host.AuditCountAsync("classification.export.uploaded"));
    }

    [Fact]
    public async Task Decline_uploads_nothing_and_says_cancelled()
    {
        var offer = Assert.Single(ExportHost.Offers(await _host.SayAsync("export 2026", "aad-head")));

        var (response, queued) = await _host.ConsentAsync("aad-head", "decline", offer["content"]!["declineContext"]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(_host.Upload.Requests);
        Assert.Equal("Đã huỷ.", Assert.Single(queued).Text);
    }

    [Fact]
    public async Task An_accept_sent_by_someone_else_than_the_requester_uploads_nothing()
    {
        var context = Assert.Single(ExportHost.Offers(await _host.SayAsync("xuất 2026", "aad-board")))["content"]!["acceptContext"];

        foreach (var other in new[] { "aad-00", "aad-head", "aad-nobody" })
        {
            var (response, queued) = await _host.ConsentAsync(other, "accept", context);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.StartsWith("Không gửi được tệp", Assert.Single(queued).Text, StringComparison.Ordinal);
        }

        Assert.Empty(_host.Upload.Requests);
        Assert.Equal(0, await _host.AuditCountAsync("classification.export.uploaded"));
    }

    [Fact]
    public async Task A_context_altered_to_another_unit_or_a_forged_id_uploads_nothing()
    {
        var context = Assert.Single(ExportHost.Offers(await _host.SayAsync("xuất 2026", "aad-head")))["content"]!["acceptContext"]!.AsObject();
        Assert.Equal("TEAM", (string?)context["unit"]);

        var altered = context.DeepClone().AsObject();
        altered["unit"] = "AG";
        var forged = new JsonObject { ["year"] = 2026, ["unit"] = "AG", ["id"] = new string('A', 43) };
        await _host.ConsentAsync("aad-head", "accept", forged);
        await _host.ConsentAsync("aad-head", "accept", altered);
        await _host.ConsentAsync("aad-head", "accept", null);

        Assert.Empty(_host.Upload.Requests);
    }

    [Fact]
    public async Task A_malformed_answer_is_a_400_and_uploads_nothing()
    {
        var context = Assert.Single(ExportHost.Offers(await _host.SayAsync("xuất 2026", "aad-board")))["content"]!["acceptContext"];

        var (response, queued) = await _host.ConsentAsync("aad-board", "maybe", context);

        Assert.Equal(400, (int)(await response.Content.ReadFromJsonAsync<JsonObject>())!["statusCode"]!);
        Assert.Empty(queued);
        Assert.Empty(_host.Upload.Requests);
    }

    [Fact]
    public async Task An_offer_is_accepted_once()
    {
        var context = Assert.Single(ExportHost.Offers(await _host.SayAsync("xuất 2026", "aad-head")))["content"]!["acceptContext"];

        await _host.ConsentAsync("aad-head", "accept", context);
        var (_, again) = await _host.ConsentAsync("aad-head", "accept", context);

        var put = Assert.Single(_host.Upload.Requests);
        Assert.Equal(ExportHost.Entries(await _host.AdminXlsxAsync("TEAM")), ExportHost.Entries(put.Body));
        Assert.StartsWith("Không gửi được tệp", Assert.Single(again).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_upload_gets_a_clear_message_and_no_file_card()
    {
        _host.Upload.Status = HttpStatusCode.InternalServerError;
        var context = Assert.Single(ExportHost.Offers(await _host.SayAsync("xuất 2026", "aad-board")))["content"]!["acceptContext"];

        var (response, queued) = await _host.ConsentAsync("aad-board", "accept", context);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(_host.Upload.Requests);
        Assert.StartsWith("Không tải được tệp lên Teams", Assert.Single(queued).Text, StringComparison.Ordinal);
        Assert.Contains(_host.Host.Bot.Logs.Entries, e => e.Message.StartsWith("File upload to Teams failed", StringComparison.Ordinal));
    }
}
