using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using EvalBot.Persistence.Entities;
using EvalBot.Tests.Features.Classification;
using EvalBot.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Tests.Features.Review;

/// <summary>
/// Rule 24's comment meeting in Teams through POST /api/messages: <c>họp đánh giá</c> / <c>review meeting</c> shows the
/// card of the sender's unit; <c>review.comment</c> records a comment with the sender as author; <c>review.approve</c>
/// approves the minutes by the chair only, once; after it a comment is an addendum and nothing recorded changes.
/// </summary>
public sealed class ReviewMeetingTests
{
    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    private static JsonObject Comment(ClassificationHost host, string subject, string text) => new()
    {
        ["year"] = "2026", ["unit"] = Id(host.Team.Id), ["subject"] = Id(host.People[subject].Id), ["comment"] = text,
        ["author"] = Id(host.People["P-HEAD"].Id), ["personId"] = Id(host.People["P-HEAD"].Id),
    };

    private static JsonObject Approve(ClassificationHost host) => new() { ["year"] = "2026", ["unit"] = Id(host.Team.Id) };

    private static Task<ReviewMeeting?> MeetingAsync(ClassificationHost host) =>
        host.Bot.QueryAsync(db => db.ReviewMeetings.AsNoTracking().Include(m => m.Entries).SingleOrDefaultAsync(m => m.UnitId == host.Team.Id && m.Year == 2026));

    [Theory]
    [InlineData("họp đánh giá 2026", "vi", "Họp kiểm điểm, đánh giá năm 2026", "Chưa có ý kiến nào; ý kiến đầu tiên mở biên bản.")]
    [InlineData("review meeting 2026", "en", "Review meeting 2026", "No comment yet; the first comment opens the minutes.")]
    public async Task Rule24_the_command_shows_the_meeting_of_the_senders_unit_with_its_chair_and_people(string command, string locale, string title, string status)
    {
        await using var host = await ClassificationHost.StartAsync(excellent: 0, good: 2);

        await host.SayAsync(command, "aad-00", locale);
        var card = (await host.Teams.NextAsync()).Body!["attachments"]![0]!["content"]!.Readable();

        foreach (var part in new[] { title, status, "Phòng Tổng hợp", "Trưởng Phòng Head", "Nhân Viên A", "Nhân Viên B", "review.comment", "\"subject\"", "\"comment\"" })
        {
            Assert.Contains(part, card, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("review.approve", card, StringComparison.Ordinal);
        Assert.DoesNotContain("Chủ tịch Top", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rule24_comments_are_kept_with_the_sender_as_author_whatever_the_card_data_says()
    {
        await using var host = await ClassificationHost.StartAsync(excellent: 0, good: 2);

        var first = (await host.InvokeAsync("review.comment", Comment(host, "P-01", "Hoàn thành tốt nhiệm vụ"), "aad-00")).Readable();
        var second = (await host.InvokeAsync("review.comment", Comment(host, "P-00", "Cần chủ động hơn"), "aad-01")).Readable();

        Assert.Contains("Đã ghi ý kiến của đồng chí về Nhân Viên B.", first, StringComparison.Ordinal);
        Assert.Contains("Nhân Viên B về Nhân Viên A", second, StringComparison.Ordinal);
        Assert.Contains("Nhân Viên A về Nhân Viên B", second, StringComparison.Ordinal);
        var meeting = Assert.IsType<ReviewMeeting>(await MeetingAsync(host));
        Assert.Equal(host.People["P-HEAD"].Id, meeting.ChairPersonId);
        Assert.Null(meeting.ApprovedAt);
        Assert.Equal(
            [(host.People["P-00"].Id, host.People["P-01"].Id, "Hoàn thành tốt nhiệm vụ", false), (host.People["P-01"].Id, host.People["P-00"].Id, "Cần chủ động hơn", false)],
            meeting.Entries.OrderBy(e => e.Id).Select(e => (e.AuthorPersonId, e.SubjectPersonId, e.Text, e.IsAddendum)));
        Assert.Equal(2, await host.Bot.QueryAsync(db => db.AuditLog.CountAsync(a => a.Action == "review.comment")));
    }

    [Fact]
    public async Task Rule24_only_the_chair_approves_once_and_after_it_a_comment_is_an_addendum_and_nothing_recorded_changes()
    {
        await using var host = await ClassificationHost.StartAsync(excellent: 0, good: 2);
        Assert.Contains("chưa thông qua được", (await host.InvokeAsync("review.approve", Approve(host), "aad-head")).Readable(), StringComparison.Ordinal);
        await host.InvokeAsync("review.comment", Comment(host, "P-01", "Hoàn thành tốt nhiệm vụ"), "aad-00");

        var headCard = (await host.InvokeAsync("review.comment", Comment(host, "P-00", "Đồng ý"), "aad-head")).Readable();
        var notChair = (await host.InvokeAsync("review.approve", Approve(host), "aad-00")).Readable();
        var approved = (await host.InvokeAsync("review.approve", Approve(host), "aad-head")).Readable();
        var again = (await host.InvokeAsync("review.approve", Approve(host), "aad-head")).Readable();
        var addendum = (await host.InvokeAsync("review.comment", Comment(host, "P-01", "Bổ sung: đã nộp báo cáo"), "aad-01")).Readable();

        Assert.Contains("review.approve", headCard, StringComparison.Ordinal);
        Assert.Contains("Chỉ người chủ trì cuộc họp thông qua biên bản.", notChair, StringComparison.Ordinal);
        Assert.Contains("Biên bản đã được thông qua lúc", approved, StringComparison.Ordinal);
        Assert.DoesNotContain("review.approve", approved, StringComparison.Ordinal);
        Assert.Contains("Biên bản đã được thông qua; chỉ ghi bổ sung.", again, StringComparison.Ordinal);
        Assert.Contains("Đã ghi phần bổ sung về Nhân Viên B.", addendum, StringComparison.Ordinal);
        Assert.Contains("Bổ sung sau khi thông qua: Nhân Viên B về Nhân Viên B", addendum, StringComparison.Ordinal);
        var meeting = Assert.IsType<ReviewMeeting>(await MeetingAsync(host));
        Assert.NotNull(meeting.ApprovedAt);
        Assert.Equal([false, false, true], meeting.Entries.OrderBy(e => e.Id).Select(e => e.IsAddendum));
        Assert.Equal(["Hoàn thành tốt nhiệm vụ", "Đồng ý", "Bổ sung: đã nộp báo cáo"], meeting.Entries.OrderBy(e => e.Id).Select(e => e.Text));
        Assert.Equal(1, await host.Bot.QueryAsync(db => db.AuditLog.CountAsync(a => a.Action == "review.approve")));
    }

    [Fact]
    public async Task Someone_outside_the_unit_a_subject_outside_it_an_empty_or_too_long_comment_and_a_bad_year_are_refused()
    {
        await using var host = await ClassificationHost.StartAsync(excellent: 0, good: 2);
        var outsider = Comment(host, "P-00", "Tốt");
        var farSubject = Comment(host, "P-00", "Tốt");
        farSubject["subject"] = Id(host.People["P-TOP"].Id);
        var badYear = Comment(host, "P-00", "Tốt");
        badYear["year"] = "2031";

        Assert.Contains("không dự cuộc họp", (await host.InvokeAsync("review.comment", outsider, "aad-top")).Readable(), StringComparison.Ordinal);
        Assert.Contains("Hãy chọn một người của đơn vị", (await host.InvokeAsync("review.comment", farSubject, "aad-00")).Readable(), StringComparison.Ordinal);
        Assert.Contains("Ý kiến trống", (await host.InvokeAsync("review.comment", Comment(host, "P-01", "   "), "aad-00")).Readable(), StringComparison.Ordinal);
        var tooLong = (await host.InvokeAsync("review.comment", Comment(host, "P-01", new string('x', 2001)), "aad-00")).Readable();
        Assert.Contains("tối đa 2000 ký tự", tooLong, StringComparison.Ordinal);
        Assert.Contains(new string('x', 2001), tooLong, StringComparison.Ordinal);
        Assert.Contains("hai năm trước", (await host.InvokeAsync("review.comment", badYear, "aad-00")).Readable(), StringComparison.Ordinal);
        Assert.Null(await MeetingAsync(host));
    }

    [Fact]
    public async Task Rule23_the_head_approves_the_list_once_the_self_assessments_and_the_minutes_approved_in_teams_are_there()
    {
        await using var host = await ClassificationHost.StartAsync(excellent: 0, good: 1, teamIsAgency: true, settings: new Dictionary<string, string?> { ["Classification:RequireReviewSteps"] = "true" });
        await host.Bot.QueryAsync(async db =>
        {
            await db.People.ForEachAsync(p => p.Population = EvalBot.Domain.Records.Population.PublicEmployee);
            return await db.SaveChangesAsync();
        });
        await host.CompileAsync();
        await host.InvokeAsync("classification.selfassess", new() { ["year"] = "2026", ["strengths"] = "Đúng hạn", ["shortcomings"] = "Chậm", ["selfCriticism"] = "Sửa" }, "aad-00");

        var waiting = (await host.InvokeAsync("classification.approve", new JsonObject { ["year"] = "2026", ["list"] = "own" }, "aad-head")).Readable();
        await host.InvokeAsync("review.comment", Comment(host, "P-00", "Hoàn thành nhiệm vụ"), "aad-head");
        await host.InvokeAsync("review.approve", Approve(host), "aad-head");
        var decided = (await host.InvokeAsync("classification.approve", new JsonObject { ["year"] = "2026", ["list"] = "own" }, "aad-head")).Readable();

        Assert.Contains("Nhân Viên A: Chưa có bước", waiting, StringComparison.Ordinal);
        Assert.Contains("Đã phê duyệt", decided, StringComparison.Ordinal);
        Assert.Equal(ClassificationState.Decided, await host.Bot.QueryAsync(db => db.Set<ClassificationRecord>().Where(r => r.PersonId == host.People["P-00"].Id).Select(r => r.State).SingleAsync()));
    }

    [Theory]
    [InlineData("channel")]
    [InlineData("groupChat")]
    public async Task In_a_shared_conversation_the_card_goes_to_the_personal_chat_and_the_conversation_gets_the_neutral_line(string type)
    {
        await using var host = await ClassificationHost.StartAsync(excellent: 0, good: 1);
        var id = Guid.NewGuid().ToString("N");
        var shared = Activities.SharedConversationId(type);
        var activity = Activities.Message(host.Teams.ServiceUrl, "<at>EvalBot</at> review meeting", userAad: "aad-00", id: id, locale: "en-US");
        Activities.InSharedConversation(activity, type, shared);

        (await host.Client.PostAsJsonAsync("/api/messages", activity)).EnsureSuccessStatusCode();

        var rows = await host.Bot.QueryAsync(db => db.Outbox.AsNoTracking().Where(o => o.DedupeKey.Contains(id) || o.ReplyToId == id).ToListAsync());
        var line = Assert.Single(rows, r => r.ConversationId == shared);
        Assert.DoesNotContain("Phòng Tổng hợp", Regex.Unescape(line.ActivityJson), StringComparison.Ordinal);
        var privately = string.Concat(rows.Where(r => r.RecipientAadObjectId == "aad-00").Select(r => Regex.Unescape(r.ActivityJson)));
        Assert.Contains("Review meeting", privately, StringComparison.Ordinal);
        Assert.Contains("review.comment", privately, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rule24_a_long_meeting_shows_its_latest_entries_and_every_entry_about_the_person_chosen_without_changing_anything()
    {
        await using var host = await ClassificationHost.StartAsync(excellent: 0, good: 2);
        var comments = new[] { new { author = "P-00", subject = "P-01", text = "Ý kiến sớm về B" } }
            .Concat(Enumerable.Range(1, 33).Select(i => new { author = "P-01", subject = "P-00", text = $"Ý kiến số {i:00} về A" })).ToList();
        (await host.Admin.PostAsJsonAsync("/admin/years/2026/units/TEAM/review-meeting", new { comments, approved = false })).EnsureSuccessStatusCode();

        var latest = (await host.InvokeAsync("review.show", Approve(host), "aad-head")).Readable();
        var aboutB = (await host.InvokeAsync("review.show", Comment(host, "P-01", "đang soạn"), "aad-head")).Readable();
        var aboutA = (await host.InvokeAsync("review.show", Comment(host, "P-00", ""), "aad-00", "en-US")).Readable();
        var outsider = (await host.InvokeAsync("review.show", Comment(host, "P-00", ""), "aad-top")).Readable();

        Assert.Contains("… và 4 ý kiến trước đó không hiện ở đây.", latest, StringComparison.Ordinal);
        Assert.DoesNotContain("Ý kiến sớm về B", latest, StringComparison.Ordinal);
        Assert.Contains("Ý kiến về Nhân Viên B: 1 trong tổng số 34 ý kiến của biên bản.", aboutB, StringComparison.Ordinal);
        Assert.Contains("Ý kiến sớm về B", aboutB, StringComparison.Ordinal);
        Assert.DoesNotContain("Ý kiến số", aboutB, StringComparison.Ordinal);
        Assert.Contains("đang soạn", aboutB, StringComparison.Ordinal);
        Assert.Contains("review.approve", aboutB, StringComparison.Ordinal);
        Assert.Contains("Comments about Nhân Viên A: 33 of the 34 in the minutes.", aboutA, StringComparison.Ordinal);
        Assert.Contains("… and 3 earlier comments not shown here.", aboutA, StringComparison.Ordinal);
        Assert.Contains("Ý kiến số 33 về A", aboutA, StringComparison.Ordinal);
        Assert.DoesNotContain("Ý kiến số 03 về A", aboutA, StringComparison.Ordinal);
        Assert.Contains("không dự cuộc họp", outsider, StringComparison.Ordinal);
        var meeting = Assert.IsType<ReviewMeeting>(await MeetingAsync(host));
        Assert.Equal(34, meeting.Entries.Count);
        Assert.Null(meeting.ApprovedAt);
        Assert.Equal(0, await host.Bot.QueryAsync(db => db.AuditLog.CountAsync(a => a.Actor != "admin" && a.EntityType == "review-meeting")));
    }
}
