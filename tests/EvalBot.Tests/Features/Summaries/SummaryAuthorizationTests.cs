using System.Net;
using System.Net.Http.Json;
using EvalBot.Admin;
using EvalBot.Tests.Features.Classification;
using EvalBot.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Tests.Features.Summaries;

/// <summary>
/// Who sees what, as one table: roles × commands through the bot endpoint, and the admin endpoints with and without the key.
/// "card:X" means a card whose text contains X; "text:X" a plain message containing X (a polite refusal, never an error).
/// </summary>
public sealed class SummaryAuthorizationTests : IAsyncLifetime
{
    private ClassificationHost _host = null!;

    public async Task InitializeAsync() => _host = await ClassificationHost.StartAsync(excellent: 1, good: 2);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    public static TheoryData<string, string, string> Matrix => new()
    {
        // staff: only themselves
        { "aad-00", "tóm tắt", "card:Nhân Viên A" },
        { "aad-00", "tóm tắt Nhân Viên B", "text:chỉ xem được tóm tắt của bản thân" },
        { "aad-00", "hồ sơ nhan vien b", "text:chỉ xem được tóm tắt của bản thân" },
        { "aad-00", "đơn vị", "text:chỉ dành cho người đứng đầu" },
        { "aad-00", "xếp loại 2026", "text:chưa được quyết định" },
        // head of the team: the team, not the agency above
        { "aad-head", "tóm tắt nhan vien b", "card:Nhân Viên B" },
        { "aad-head", "hồ sơ p-01@example.test", "card:Hồ sơ đánh giá 3 năm" },
        { "aad-head", "tóm tắt Chủ tịch", "text:chỉ xem được tóm tắt của bản thân" },
        { "aad-head", "đơn vị", "card:Phòng Tổng hợp" },
        { "aad-head", "đơn vị Văn phòng", "text:Không tìm thấy đơn vị" },
        { "aad-head", "xếp loại 2026", "card:Danh sách xếp loại năm" },
        // head of the agency: every unit below
        { "aad-top", "tóm tắt Nhân Viên C", "card:Nhân Viên C" },
        { "aad-top", "tóm tắt Trưởng Phòng", "card:Trưởng Phòng Head" },
        { "aad-top", "đơn vị TEAM", "card:Phòng Tổng hợp" },
        // organisation board: everything
        { "aad-board", "tóm tắt Chủ tịch Top", "card:Chủ tịch Top" },
        { "aad-board", "đơn vị", "card:Văn phòng UBND xã" },
        { "aad-board", "hồ sơ Nhân Viên", "card:Có nhiều người phù hợp" },
        // not in the register
        { "aad-stranger", "tóm tắt Nhân Viên A", "text:chưa có trong danh sách" },
        { "aad-stranger", "đơn vị", "text:chưa có trong danh sách" },
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Each_role_sees_only_what_is_theirs(string user, string command, string expected)
    {
        var id = Guid.NewGuid().ToString("N");
        var response = await _host.Client.PostAsJsonAsync("/api/messages", Activities.Message(_host.Teams.ServiceUrl, command, userAad: user, id: id));
        response.EnsureSuccessStatusCode();

        var replies = await _host.Bot.QueryAsync(db => db.Outbox.Where(o => o.DedupeKey.Contains(id)).Select(o => o.ActivityJson).ToListAsync());
        var (kind, text) = (expected[..expected.IndexOf(':', StringComparison.Ordinal)], expected[(expected.IndexOf(':', StringComparison.Ordinal) + 1)..]);
        var reply = Assert.Single(replies, r => r.Contains(text, StringComparison.Ordinal) || System.Text.RegularExpressions.Regex.Unescape(r).Contains(text, StringComparison.Ordinal));
        Assert.Equal(kind == "card", reply.Contains("application/vnd.microsoft.card.adaptive", StringComparison.Ordinal));
        var audited = await _host.Bot.QueryAsync(db => db.AuditLog.AnyAsync(a => a.Actor == user && a.Action.StartsWith("summary.")));
        Assert.Equal(user != "aad-stranger", audited);
        Assert.Empty(_host.Bot.Logs.Errors);
    }

    [Theory]
    [InlineData("POST", "/admin/years/2026/compile")]
    [InlineData("GET", "/admin/years/2026/verify")]
    [InlineData("GET", "/admin/years/2026/classification.xlsx?unit=TEAM")]
    [InlineData("POST", "/admin/years/2026/people/P-00/rerate")]
    public async Task Admin_endpoints_need_the_admin_key(string method, string path)
    {
        using var anonymous = _host.Bot.CreateClient();
        using var wrong = _host.Bot.CreateClient();
        wrong.DefaultRequestHeaders.Add(AdminApi.KeyHeader, "not-the-key");

        async Task<HttpStatusCode> SendAsync(HttpClient c) => (await c.SendAsync(new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = method == "POST" ? JsonContent.Create(new { level = "HTT", reason = "r", by = "b" }) : null,
        })).StatusCode;

        Assert.Equal(HttpStatusCode.Unauthorized, await SendAsync(anonymous));
        Assert.Equal(HttpStatusCode.Unauthorized, await SendAsync(wrong));
        Assert.NotEqual(HttpStatusCode.Unauthorized, await SendAsync(_host.Admin));
    }
}
