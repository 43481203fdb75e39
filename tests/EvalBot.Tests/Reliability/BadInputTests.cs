using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using EvalBot.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Tests.Reliability;

/// <summary>
/// Bad input at <c>/api/messages</c> and the admin API gets a clear answer and leaves every table exactly as before
/// (row counts and content hashes). Complements <c>Protocol/MessagesEndpointTests</c> (400/413/405/501 status codes)
/// and <c>Features/CheckIns/CheckInActionsTests</c> (card errors next to the field), which check fewer tables.
/// </summary>
public sealed class BadInputTests(ReliabilityHostFixture fixture) : IClassFixture<ReliabilityHostFixture>
{
    // Tables a processed turn always touches: the redelivery mark and the refreshed conversation reference.
    private static readonly string[] TurnPlumbing = ["processed_activities", "conversation_references"];

    private readonly ReliabilityHost _host = fixture.Host;

    public static TheoryData<string, string, int, bool> ProtocolBodies()
    {
        var deep = new string('[', 5000) + new string(']', 5000);
        return new()
        {
            // name, body, expected status, whether the turn's own plumbing (processed mark, conversation reference) may be written
            { "empty body", "", 400, false },
            { "the JSON null", "null", 400, false },
            { "an array", "[1,2,3]", 400, false },
            { "type is a number", """{"type":5,"id":"x"}""", 400, false },
            { "type is empty", """{"type":"","id":"x"}""", 400, false },
            { "from is a string", """{"type":"message","id":"x","from":"29:x","conversation":{"id":"a:1"},"serviceUrl":"http://127.0.0.1:1/"}""", 400, false },
            { "conversation is an array", """{"type":"message","id":"x","conversation":[],"serviceUrl":"http://127.0.0.1:1/"}""", 400, false },
            { "id is an object", """{"type":"message","id":{},"conversation":{"id":"a:1"},"serviceUrl":"http://127.0.0.1:1/"}""", 400, false },
            { "nesting 5000 deep", """{"type":"message","channelData":""" + deep + "}", 400, false },
            { "truncated JSON", """{"type":"message","text":"báo c""", 400, false },
            { "a message without conversation", """{"type":"message","id":"x","serviceUrl":"http://127.0.0.1:1/","text":"help"}""", 400, false },
            { "a message with a javascript: serviceUrl", """{"type":"message","id":"x","serviceUrl":"javascript:alert(1)","conversation":{"id":"a:1"},"text":"help"}""", 401, false },
            // Values longer than the columns that store them (PostgreSQL refused the row at the commit: a 500 before).
            { "an activity id of 257 characters", $$"""{"type":"message","id":"{{new string('x', 257)}}","channelId":"msteams","serviceUrl":"http://127.0.0.1:1/","conversation":{"id":"a:1"},"text":"help"}""", 400, false },
            { "a conversation id of 513 characters", $$"""{"type":"message","id":"x","channelId":"msteams","serviceUrl":"http://127.0.0.1:1/","conversation":{"id":"a:{{new string('c', 511)}}"},"text":"help"}""", 400, false },
            { "a sender's name of 257 characters", $$"""{"type":"message","id":"x","channelId":"msteams","serviceUrl":"http://127.0.0.1:1/","conversation":{"id":"a:1"},"from":{"id":"29:x","name":"{{new string('n', 257)}}"},"text":"help"}""", 400, false },
            { "a conversation and an id too long together for a reply's key", $$"""{"type":"message","id":"{{new string('x', 200)}}","channelId":"msteams","serviceUrl":"http://127.0.0.1:1/","conversation":{"id":"a:{{new string('c', 300)}}"},"text":"help"}""", 400, false },
            { "an over-long id on an activity EvalBot ignores", $$"""{"type":"typing","id":"{{new string('x', 257)}}","channelId":"msteams","serviceUrl":"http://127.0.0.1:1/","conversation":{"id":"a:1"},"text":""}""", 200, false },
            // (from the organisation's tenant: an activity of another tenant, or of none once the tenant is known, gets 403; see TenantTests)
            { "an unknown activity type", """{"type":"x-evalbot-unknown","id":"x","serviceUrl":"http://127.0.0.1:1/","conversation":{"id":"a:1","tenantId":"00000000-0000-0000-0000-0000000000001"}}""", 200, true },
        };
    }

    [Theory]
    [MemberData(nameof(ProtocolBodies))]
    public async Task Malformed_protocol_input_gets_a_clear_status_and_changes_no_table(string name, string body, int status, bool plumbing)
    {
        var before = await _host.SnapshotAsync();

        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        var response = await _host.Client.PostAsync(new Uri("/api/messages", UriKind.Relative), content);

        Assert.True(status == (int)response.StatusCode, $"{name}: {(int)response.StatusCode}");
        Assert.Empty(before.Differences(await _host.SnapshotAsync(), plumbing ? TurnPlumbing : []));
    }

    [Fact]
    public async Task Invalid_utf8_gets_400_and_changes_no_table()
    {
        var before = await _host.SnapshotAsync();
        using var content = new ByteArrayContent([(byte)'{', (byte)'"', 0xC3, 0x28, 0xFF, (byte)'"', (byte)':', (byte)'1', (byte)'}']);
        content.Headers.ContentType = new("application/json");

        var response = await _host.Client.PostAsync(new Uri("/api/messages", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(before.Differences(await _host.SnapshotAsync()));
    }

    [Fact]
    public async Task A_chunked_body_over_the_documented_limit_gets_413_and_changes_no_table()
    {
        var before = await _host.SnapshotAsync();
        var activity = Activities.Message(_host.Teams.ServiceUrl, new string('x', 262_144));
        using var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(activity.ToJsonString())));
        content.Headers.ContentType = new("application/json");
        content.Headers.ContentLength = null;

        var response = await _host.Client.PostAsync(new Uri("/api/messages", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(before.Differences(await _host.SnapshotAsync()));
    }

    [Fact]
    public async Task An_unknown_invoke_name_gets_501_and_changes_no_domain_table()
    {
        var activity = Activities.Invoke(_host.Teams.ServiceUrl, "checkin.submit", _host.ValidReport());
        activity["name"] = "composeExtension/query";
        var before = await _host.SnapshotAsync();

        var response = await _host.PostAsync(activity);

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
        Assert.Empty(before.Differences(await _host.SnapshotAsync(), TurnPlumbing));
    }

    public static TheoryData<string, string, string> HostileCardValues() => new()
    {
        { "negative done", "T0.done", "-1" },
        { "NaN", "T0.done", "NaN" },
        { "Infinity", "T0.done", "Infinity" },
        { "1e400", "T0.done", "1e400" },
        { "huge", "T0.qualityOk", "79228162514264337593543950336" },
        { "hex", "T0.onTime", "0x10" },
        { "far above the assigned quantity", "T1.done", "4000000" },
        { "quality above done", "T0.qualityOk", "10" },
        { "negative self-assessment", "general.politics", "-5" },
        { "self-assessment above its maximum", "general.politics", "31" },
        { "10,000-character evidence", "T0.evidence", new string('ể', 10_000) },
        { "10,000-character self-criticism", "selfCriticism", new string('a', 10_000) },
        { "a period that does not exist", "period", "2026-Q9" },
        { "a period that is not open", "period", "1999-Q1" },
        { "another person's target", "OTHER.done", "4" },
        { "a target id that does not exist", "target.987654321.done", "4" },
    };

    [Theory]
    [MemberData(nameof(HostileCardValues))]
    public async Task A_hostile_check_in_value_is_refused_on_the_card_and_changes_no_domain_table(string name, string field, string value)
    {
        var data = _host.ValidReport();
        data[Field(field)] = value;
        var before = await _host.SnapshotAsync();

        var response = await _host.PostAsync(Activities.Invoke(_host.Teams.ServiceUrl, "checkin.submit", data));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.True(answer["statusCode"]?.GetValue<int>() is 200 or 400, name);
        Assert.Contains((string?)answer["type"], new[] { "application/vnd.microsoft.card.adaptive", "application/vnd.microsoft.activity.message", "application/vnd.microsoft.error" });
        Assert.Empty(before.Differences(await _host.SnapshotAsync(), TurnPlumbing));
    }

    public static TheoryData<string, string> HostileText() => new()
    {
        { "right-to-left", "تم إنجاز المهمة \u202Eabc\u202C ✓" },
        { "emoji", "Hoàn thành 👍🏽🇻🇳 đúng hạn 🧾" },
        { "SQL-shaped", "'); DROP TABLE people; -- \" OR 1=1" },
        { "markdown and mentions", "**đậm** [bấm](javascript:alert(1)) <at>Trưởng phòng</at> ${person.name} {{x}}" },
        { "control characters", "a\u0000b\u0007c\r\nd" },
    };

    [Theory]
    [MemberData(nameof(HostileText))]
    public async Task Hostile_but_valid_text_is_stored_verbatim_and_touches_nothing_else(string name, string text)
    {
        var data = _host.ValidReport();
        data[_host.TargetField(0, "evidence")] = text;
        var before = await _host.SnapshotAsync();

        var response = await _host.PostAsync(Activities.Invoke(_host.Teams.ServiceUrl, "checkin.submit", data));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var after = await _host.SnapshotAsync();
        var evidence = await _host.Bot.QueryAsync(db => db.CheckInReports.Where(r => r.IsCurrent).SelectMany(r => r.Lines).Where(l => l.TargetId == _host.Org.StaffTargets[0].Id).Select(l => l.Evidence).SingleAsync());
        Assert.True(text.Trim() == evidence, name);
        Assert.Equal(before.Tables["people"], after.Tables["people"]);
        Assert.Equal(before.Tables["targets"], after.Tables["targets"]);
        Assert.Equal(before.Rows("checkin_reports") + 1, after.Rows("checkin_reports"));
    }

    [Fact]
    public async Task An_input_naming_a_target_id_that_is_not_a_number_is_ignored_like_an_unknown_field()
    {
        var data = _host.ValidReport();
        data["target.1 OR 1=1.done"] = "4";

        var response = await _host.PostAsync(Activities.Invoke(_host.Teams.ServiceUrl, "checkin.submit", data));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var targets = await _host.Bot.QueryAsync(db => db.CheckInReports.Where(r => r.IsCurrent).SelectMany(r => r.Lines).Select(l => l.TargetId).OrderBy(t => t).ToListAsync());
        Assert.Equal(_host.Org.StaffTargets.Select(t => t.Id).Order(), targets);
    }

    public static TheoryData<string, string, string?, int> AdminRequests() => new()
    {
        { "POST", "/admin/periods/2026-Q1/open", null, 401 },
        { "POST", "/admin/periods/2026-Q1/open", "wrong-key", 401 },
        { "POST", "/admin/periods/2026-Q9/open", ReliabilityHost.AdminKey, 400 },
        { "POST", "/admin/periods/'%3B DROP TABLE people%3B--/open", ReliabilityHost.AdminKey, 400 },
        { "POST", "/admin/feedback/2026-Q13/open", ReliabilityHost.AdminKey, 400 },
        { "POST", "/admin/years/abc/compile", ReliabilityHost.AdminKey, 404 },
        { "POST", "/admin/org/import", ReliabilityHost.AdminKey, 400 },
        { "GET", "/admin/people/NO-SUCH-PERSON/export", ReliabilityHost.AdminKey, 404 },
        { "DELETE", "/admin/retention/run", ReliabilityHost.AdminKey, 405 },
        { "POST", "/admin/retention/run", null, 401 },
    };

    [Theory]
    [MemberData(nameof(AdminRequests))]
    public async Task Bad_admin_requests_get_a_clear_status_and_change_no_table(string method, string path, string? key, int status)
    {
        var before = await _host.SnapshotAsync();
        using var content = new StringContent("\u0000\u0001 not a csv ,,,\"", Encoding.UTF8, "text/csv");

        var response = await _host.AdminAsync(new HttpMethod(method), path, method == "POST" ? content : null, key);

        Assert.True(status == (int)response.StatusCode, $"{method} {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Empty(before.Differences(await _host.SnapshotAsync()));
    }

    private string Field(string field) => field switch
    {
        _ when field.StartsWith("T0.", StringComparison.Ordinal) => _host.TargetField(0, field[3..]),
        _ when field.StartsWith("T1.", StringComparison.Ordinal) => _host.TargetField(1, field[3..]),
        _ when field.StartsWith("OTHER.", StringComparison.Ordinal) => $"target.{_host.Org.OtherTarget.Id}.{field[6..]}",
        _ => field,
    };
}
