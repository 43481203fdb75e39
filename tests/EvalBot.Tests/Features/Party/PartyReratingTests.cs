using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Tests.Features.Party;

/// <summary>
/// Rule 29 for the Party track: a decided rating is never changed; the superior committee's re-rating adds a linked
/// version with its reason, the member is told, an HTXS lowered flags the commendation for cancellation, and only a
/// decided rating can be re-rated.
/// </summary>
public sealed class PartyReratingTests : IAsyncLifetime
{
    private PartyHost _host = null!;

    public async Task InitializeAsync() => _host = await PartyHost.StartOpenAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Rule29_a_rerating_adds_a_linked_decided_version_tells_the_member_and_flags_a_lost_HTXS_commendation()
    {
        await _host.Inner.SayAsync("trợ giúp", "aad-01"); // the member's chat with the bot, where the result goes
        var id = (await _host.RatingOfAsync("P-01")).Id;
        var undecided = await _host.Inner.Admin.PostAsJsonAsync($"/admin/party/ratings/{id}/rerate", new { level = "HT", reason = "Kết luận kiểm tra", by = "Ban Thường vụ Đảng ủy" });
        Assert.Equal(HttpStatusCode.BadRequest, undecided.StatusCode);

        await _host.Inner.Bot.QueryAsync(async db =>
        {
            var r = await db.PartyRatings.SingleAsync(x => x.Id == id);
            (r.Level, r.Step, r.DecidedAt, r.DecidedBy) = ((int)EvalBot.Domain.Level.Excellent, PartyRatingStep.Decided, DateTimeOffset.UnixEpoch, "aad-top");
            return await db.SaveChangesAsync();
        });
        Assert.Equal(HttpStatusCode.BadRequest, (await _host.Inner.Admin.PostAsJsonAsync($"/admin/party/ratings/{id}/rerate", new { level = "HT", by = "Ban Thường vụ Đảng ủy" })).StatusCode);

        var answer = await _host.AdminPostAsync($"/admin/party/ratings/{id}/rerate", new { level = "HT", reason = "Kết luận kiểm tra của cấp trên", by = "Ban Thường vụ Đảng ủy" });

        Assert.Equal((2, id, true), ((int)answer["version"]!, (long)answer["supersedesId"]!, (bool)answer["commendationToCancel"]!));
        var rows = await _host.Inner.Bot.QueryAsync(db => db.PartyRatings.AsNoTracking().Where(r => r.PersonId == _host.Ids["P-01"]).OrderBy(r => r.Version).ToListAsync());
        Assert.Equal([(PartyRatingStep.Superseded, 0), (PartyRatingStep.Decided, 2)], rows.Select(r => (r.Step, r.Level!.Value)));
        Assert.Equal(("Ban Thường vụ Đảng ủy", "Kết luận kiểm tra của cấp trên"), (rows[1].DecidedBy, rows[1].DecisionNote));
        var told = await _host.Inner.Bot.QueryAsync(db => db.Outbox.Where(o => o.Kind == "party.view" && o.RecipientAadObjectId == "aad-01").Select(o => o.ActivityJson).ToListAsync());
        Assert.Contains(told, t => System.Text.RegularExpressions.Regex.Unescape(t).Contains("Kết luận kiểm tra của cấp trên", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.BadRequest, (await _host.Inner.Admin.PostAsJsonAsync($"/admin/party/ratings/{id}/rerate", new { level = "KHT", reason = "x", by = "y" })).StatusCode);
        Assert.True(await _host.Inner.Bot.QueryAsync(db => db.AuditLog.AnyAsync(a => a.Action == "party.rerate")));
    }
}
