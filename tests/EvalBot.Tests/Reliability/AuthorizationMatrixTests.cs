using System.Net.Http.Json;
using System.Text.RegularExpressions;
using EvalBot.Persistence.Entities;
using EvalBot.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Tests.Reliability;

/// <summary>
/// Who may do what, as one table: roles × chat commands, card verbs and admin endpoints, each cell allowed or refused.
/// "Allowed" is judged by the data the answer reveals or the change it makes, not by wording: a command is allowed when
/// its reply shows the subject's data; a card verb when its effect is stored under the actor; an admin endpoint when it
/// answers 2xx. To extend: add a role to <see cref="Users"/>, an action to <see cref="RunAsync"/>, and rows to
/// <see cref="Matrix"/>. Finer per-feature tables: <c>Features/Summaries/SummaryAuthorizationTests</c>,
/// <c>Features/CheckIns/ReviewActionsTests</c>, <c>Features/PeerFeedback/FeedbackFlowTests</c>, <c>Features/Classification/*</c>.
/// </summary>
public sealed class AuthorizationMatrixTests(ReliabilityHostFixture fixture) : IClassFixture<ReliabilityHostFixture>
{
    // The test organisation: person = Nguyễn Văn A (aad-user-1), peer = Phạm Thị B (aad-user-2, same leader),
    // leader = their direct leader, head = head of their unit, board = organisation board member, none = not registered.
    private static readonly Dictionary<string, string> Users = new(StringComparer.Ordinal)
    {
        ["person"] = "aad-user-1",
        ["peer"] = "aad-user-2",
        ["leader"] = "aad-leader",
        ["head"] = "aad-head",
        ["board"] = "aad-board",
        ["none"] = "aad-stranger",
        // The leader again, where the answer must not go: from another tenant, inside the person's personal chat, in a
        // team channel (answered privately, so nothing shown where it was asked).
        ["leader, other tenant"] = "aad-leader",
        ["leader, in the person's chat"] = "aad-leader",
        ["leader, in a channel"] = "aad-leader",
    };

    private readonly ReliabilityHost _host = fixture.Host;

    public static TheoryData<string, string, bool> Matrix => new()
    {
        // tóm tắt / hồ sơ about the peer (Phạm Thị B): herself, her leader, the head, the board; not a colleague, not a stranger
        { "peer", "tóm tắt Phạm Thị B", true },
        { "leader", "tóm tắt Phạm Thị B", true },
        { "head", "tóm tắt Phạm Thị B", true },
        { "board", "tóm tắt Phạm Thị B", true },
        { "person", "tóm tắt Phạm Thị B", false },
        { "none", "tóm tắt Phạm Thị B", false },
        { "leader", "hồ sơ Phạm Thị B", true },
        { "head", "hồ sơ Phạm Thị B", true },
        { "board", "hồ sơ Phạm Thị B", true },
        { "person", "hồ sơ Phạm Thị B", false },
        { "none", "hồ sơ Phạm Thị B", false },
        // the same leader where the answer would leak: nothing shown there
        { "leader, other tenant", "tóm tắt Phạm Thị B", false },
        { "leader, in the person's chat", "tóm tắt Phạm Thị B", false },
        { "leader, in a channel", "tóm tắt Phạm Thị B", false },
        { "leader, in a channel", "hồ sơ Phạm Thị B", false },
        { "leader, other tenant", "verb:checkin.confirm", false },
        // đơn vị: the head of the unit and the board
        { "head", "đơn vị", true },
        { "board", "đơn vị", true },
        { "person", "đơn vị", false },
        { "peer", "đơn vị", false },
        { "none", "đơn vị", false },
        // báo cáo: only the person sees their own targets
        { "person", "báo cáo", true },
        { "peer", "báo cáo", false },
        { "leader", "báo cáo", false },
        { "none", "báo cáo", false },
        // checkin.confirm of the person's submitted report: the direct leader and the unit head only
        { "leader", "verb:checkin.confirm", true },
        { "head", "verb:checkin.confirm", true },
        { "person", "verb:checkin.confirm", false },
        { "peer", "verb:checkin.confirm", false },
        { "board", "verb:checkin.confirm", false },
        { "none", "verb:checkin.confirm", false },
        // checkin.submit of the person's targets: only the person
        { "person", "verb:checkin.submit", true },
        { "peer", "verb:checkin.submit", false },
        { "leader", "verb:checkin.submit", false },
        { "none", "verb:checkin.submit", false },
        // classification.approve with nothing compiled: refused for everyone, nothing decided
        { "person", "verb:classification.approve", false },
        { "head", "verb:classification.approve", false },
        // admin endpoints: the admin key only; a chat identity is no admin
        { "admin key", "GET /admin/jobs", true },
        { "admin key", "GET /admin/people/P-STAFF/export", true },
        { "admin key", "GET /admin/years/2026/verify", true },
        { "admin key", "GET /admin/feedback/2026-Q1", true },
        { "none", "GET /admin/jobs", false },
        { "none", "GET /admin/people/P-STAFF/export", false },
        { "none", "POST /admin/retention/run", false },
        { "none", "POST /admin/periods/2026-Q1/open", false },
        { "none", "POST /admin/years/2026/compile", false },
        { "wrong key", "GET /admin/people/P-STAFF/export", false },
        { "wrong key", "POST /admin/org/import", false },
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Each_role_may_do_only_what_is_theirs(string role, string action, bool allowed)
    {
        await EnsureBoardMemberAsync();

        var outcome = await RunAsync(role, action);

        Assert.True(allowed == outcome.Allowed, $"{role} × {action}: expected {(allowed ? "allowed" : "refused")}, got {outcome.Evidence}");
    }

    private sealed record Outcome(bool Allowed, string Evidence);

    private async Task<Outcome> RunAsync(string role, string action)
    {
        if (action.StartsWith("GET ", StringComparison.Ordinal) || action.StartsWith("POST ", StringComparison.Ordinal))
        {
            var (method, path) = (action[..action.IndexOf(' ', StringComparison.Ordinal)], action[(action.IndexOf(' ', StringComparison.Ordinal) + 1)..]);
            var key = role switch { "admin key" => ReliabilityHost.AdminKey, "wrong key" => "not-the-key", _ => null };
            var response = await _host.AdminAsync(new HttpMethod(method), path, method == "POST" ? new StringContent("") : null, key);
            return new Outcome(response.IsSuccessStatusCode, $"HTTP {(int)response.StatusCode}");
        }

        if (action.StartsWith("verb:", StringComparison.Ordinal))
        {
            return await VerbAsync(Users[role], action[5..], role);
        }

        var id = Guid.NewGuid().ToString("N");
        var posted = await _host.PostAsync(Where(role, Activities.Message(_host.Teams.ServiceUrl, action, userAad: Users[role], id: id)));
        if (posted.StatusCode == System.Net.HttpStatusCode.Forbidden)
        {
            return new Outcome(false, "HTTP 403");
        }

        posted.EnsureSuccessStatusCode();
        var reply = string.Concat(await _host.Bot.QueryAsync(db => db.Outbox.Where(o => o.ReplyToId == id).Select(o => o.ActivityJson).ToListAsync()));
        reply = Regex.Unescape(reply);
        var shows = action switch
        {
            "đơn vị" => _host.Org.Unit.Name,
            "báo cáo" => _host.Org.StaffTargets[0].Title,
            _ => _host.Org.Other.FullName,
        };
        return new Outcome(reply.Contains(shows, StringComparison.Ordinal), reply.Length > 300 ? reply[..300] : reply);
    }

    private async Task<Outcome> VerbAsync(string user, string verb, string role)
    {
        var before = await _host.Bot.QueryAsync(db => db.AuditLog.CountAsync(a => a.Actor == user));
        switch (verb)
        {
            case "checkin.confirm":
                var report = await SubmittedReportAsync();
                await InvokeAsync(user, verb, new() { ["reportId"] = report.ToString(System.Globalization.CultureInfo.InvariantCulture), ["general.politics"] = "9", ["general.competence"] = "9", ["general.innovation"] = "9" }, role);
                var confirmed = await _host.Bot.QueryAsync(db => db.CheckInReports.AnyAsync(r => r.Id == report && r.Status != CheckInStatus.Submitted));
                return new Outcome(confirmed && await AuditedAsync(user, before), confirmed ? "confirmed" : "still submitted");
            case "checkin.submit":
                var data = _host.ValidReport();
                data["selfCriticism"] = "matrix " + Guid.NewGuid().ToString("N");
                await InvokeAsync(user, verb, data);
                var stored = await _host.Bot.QueryAsync(db => db.CheckInReports.AnyAsync(r => r.SelfCriticism == (string)data["selfCriticism"]!));
                return new Outcome(stored && await AuditedAsync(user, before), stored ? "stored" : "not stored");
            default:
                var answer = await InvokeAsync(user, verb, new() { ["year"] = "2026", ["personId"] = _host.Org.Staff.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) });
                return new Outcome(await AuditedAsync(user, before), answer);
        }
    }

    private async Task<bool> AuditedAsync(string user, int before) =>
        await _host.Bot.QueryAsync(db => db.AuditLog.CountAsync(a => a.Actor == user)) > before;

    /// <summary>Moves the activity where the role says: another tenant, the person's own chat, a team channel.</summary>
    private static System.Text.Json.Nodes.JsonObject Where(string role, System.Text.Json.Nodes.JsonObject activity)
    {
        switch (role)
        {
            case "leader, other tenant":
                activity["conversation"]!["tenantId"] = "99999999-9999-9999-9999-999999999999";
                activity["channelData"]!["tenant"]!["id"] = "99999999-9999-9999-9999-999999999999";
                break;
            case "leader, in the person's chat":
                activity["conversation"]!["id"] = Activities.PersonalChat(Users["person"]);
                break;
            case "leader, in a channel":
                activity["conversation"] = new System.Text.Json.Nodes.JsonObject
                {
                    ["id"] = "19:matrix@thread.tacv2;messageid=1", ["conversationType"] = "channel", ["isGroup"] = true, ["tenantId"] = Activities.TenantId,
                };
                break;
        }

        return activity;
    }

    private async Task<string> InvokeAsync(string user, string verb, System.Text.Json.Nodes.JsonObject data, string role = "")
    {
        var response = await _host.PostAsync(Where(role, Activities.Invoke(_host.Teams.ServiceUrl, verb, data, userAad: user)));
        if (response.StatusCode == System.Net.HttpStatusCode.Forbidden)
        {
            return "HTTP 403";
        }

        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadAsStringAsync();
        return body.Length > 300 ? body[..300] : body;
    }

    /// <summary>A current, submitted report of the person (submitting a new version when the last one was reviewed).</summary>
    private async Task<long> SubmittedReportAsync()
    {
        var current = await _host.Bot.QueryAsync(db => db.CheckInReports.Where(r => r.PersonId == _host.Org.Staff.Id && r.IsCurrent && r.Status == CheckInStatus.Submitted).Select(r => (long?)r.Id).FirstOrDefaultAsync());
        if (current is { } id)
        {
            return id;
        }

        var data = _host.ValidReport();
        data["selfCriticism"] = "matrix " + Guid.NewGuid().ToString("N");
        await InvokeAsync(Users["person"], "checkin.submit", data);
        return await _host.Bot.QueryAsync(db => db.CheckInReports.Where(r => r.PersonId == _host.Org.Staff.Id && r.IsCurrent && r.Status == CheckInStatus.Submitted).Select(r => r.Id).SingleAsync());
    }

    private async Task EnsureBoardMemberAsync()
    {
        // The person's own chat exists (it is theirs from their first message), so the leader's activity in it is refused.
        (await _host.PostAsync(Activities.Message(_host.Teams.ServiceUrl, "trợ giúp", userAad: Users["person"]))).EnsureSuccessStatusCode();
        await _host.Bot.QueryAsync(async db =>
        {
            if (!await db.People.AnyAsync(p => p.AadObjectId == "aad-board"))
            {
                db.People.Add(new Person { ExternalId = "P-BOARD", FullName = "Võ Thị Tổ Chức", AadObjectId = "aad-board", UnitId = _host.Org.Unit.Id, IsOrganisationBoard = true });
                await db.SaveChangesAsync();
            }

            return 0;
        });
    }
}
