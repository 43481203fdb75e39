using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using EvalBot.Persistence.Entities;
using EvalBot.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Tests.Features.Classification;

/// <summary>
/// Rule 23's self-assessment written in Teams through POST /api/messages: <c>tự đánh giá</c> / <c>self-assessment</c> shows the
/// sender's card with the year's confirmed periods and the three texts; <c>classification.selfassess</c> stores it for the
/// sender only, refuses empty texts, updates on a second submit and refuses once the unit's minutes are approved (rule 24).
/// </summary>
public sealed class SelfAssessmentTests
{
    private static JsonObject Submit(string strengths = "Đúng hạn", string shortcomings = "Chậm quý 3", string selfCriticism = "Chủ động hơn") => new()
    {
        ["year"] = "2026", ["strengths"] = strengths, ["shortcomings"] = shortcomings, ["selfCriticism"] = selfCriticism,
        ["personId"] = "1", ["person"] = "P-01",
    };

    private static Task<List<ReviewSelfAssessment>> StoredAsync(ClassificationHost host) =>
        host.Bot.QueryAsync(db => db.ReviewSelfAssessments.AsNoTracking().ToListAsync());

    [Theory]
    [InlineData("tự đánh giá 2026", "vi", "Bản tự đánh giá năm 2026", "Quý 1/2026", "Căn cứ: Nghị định 335/2025")]
    [InlineData("self-assessment 2026", "en", "Annual self-assessment 2026", "Q1 2026", "Under: Decree 335/2025")]
    public async Task Rule23_the_command_shows_the_senders_card_with_the_confirmed_periods_and_the_three_inputs(string command, string locale, string title, string period, string ruleSet)
    {
        await using var host = await ClassificationHost.StartAsync(excellent: 0, good: 1);

        await host.SayAsync(command, "aad-00", locale);
        var card = (await host.Teams.NextAsync()).Body!["attachments"]![0]!["content"]!.Readable();

        Assert.Contains(title, card, StringComparison.Ordinal);
        Assert.Contains(period, card, StringComparison.Ordinal);
        Assert.Contains(ruleSet, card, StringComparison.Ordinal);
        Assert.Contains("79", card, StringComparison.Ordinal);
        foreach (var id in new[] { "\"strengths\"", "\"shortcomings\"", "\"selfCriticism\"", "classification.selfassess" }) Assert.Contains(id, card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rule23_a_submit_stores_the_self_assessment_for_the_sender_and_a_second_submit_updates_it()
    {
        await using var host = await ClassificationHost.StartAsync(excellent: 0, good: 2);

        var answer = (await host.InvokeAsync("classification.selfassess", Submit(), "aad-00")).Readable();

        Assert.Contains("Đã ghi bản tự đánh giá lúc", answer, StringComparison.Ordinal);
        var stored = Assert.Single(await StoredAsync(host));
        Assert.Equal(host.People["P-00"].Id, stored.PersonId);
        Assert.Equal(("Đúng hạn", "Chậm quý 3", "Chủ động hơn", 2026), (stored.Strengths, stored.Shortcomings, stored.SelfCriticism, stored.Year));
        Assert.True(await host.Bot.QueryAsync(db => db.AuditLog.AnyAsync(a => a.Action == "review.selfassess")));

        await host.InvokeAsync("classification.selfassess", Submit(strengths: "  Đúng hạn, chất lượng  "), "aad-00");

        var updated = Assert.Single(await StoredAsync(host));
        Assert.Equal("Đúng hạn, chất lượng", updated.Strengths);
        Assert.True(updated.SubmittedAt >= stored.SubmittedAt);
    }

    [Fact]
    public async Task Rule23_empty_texts_are_refused_and_the_card_keeps_what_was_typed()
    {
        await using var host = await ClassificationHost.StartAsync(excellent: 0, good: 1);

        var answer = (await host.InvokeAsync("classification.selfassess", Submit(shortcomings: "   "), "aad-00")).Readable();

        Assert.Contains("Hãy điền đủ ba mục", answer, StringComparison.Ordinal);
        Assert.Contains("Chủ động hơn", answer, StringComparison.Ordinal);
        Assert.Empty(await StoredAsync(host));
    }

    [Fact]
    public async Task Rule23_a_text_longer_than_the_limit_is_refused()
    {
        await using var host = await ClassificationHost.StartAsync(excellent: 0, good: 1);

        var answer = (await host.InvokeAsync("classification.selfassess", Submit(selfCriticism: new string('x', 4001)), "aad-00")).Readable();

        Assert.Contains("tối đa 4000 ký tự", answer, StringComparison.Ordinal);
        Assert.Empty(await StoredAsync(host));
    }

    [Fact]
    public async Task Rule24_a_submit_is_refused_once_the_units_meeting_minutes_are_approved()
    {
        await using var host = await ClassificationHost.StartAsync(excellent: 0, good: 1);
        await host.Bot.QueryAsync(db =>
        {
            db.ReviewMeetings.Add(new ReviewMeeting
            {
                UnitId = host.Team.Id, Year = 2026, ChairPersonId = host.People["P-HEAD"].Id,
                OpenedAt = TimeProvider.System.GetUtcNow().AddHours(-2), ApprovedAt = TimeProvider.System.GetUtcNow().AddHours(-1),
            });
            return db.SaveChangesAsync();
        });

        var answer = (await host.InvokeAsync("classification.selfassess", Submit(), "aad-00")).Readable();

        Assert.Contains("Biên bản họp đơn vị năm 2026 đã được thông qua", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("classification.selfassess", answer, StringComparison.Ordinal);
        Assert.Empty(await StoredAsync(host));
    }

    [Fact]
    public async Task A_year_in_the_future_or_long_past_is_refused()
    {
        await using var host = await ClassificationHost.StartAsync(excellent: 0, good: 1);
        var data = Submit();
        data["year"] = "2031";

        var answer = (await host.InvokeAsync("classification.selfassess", data, "aad-00")).Readable();

        Assert.Contains("hai năm trước", answer, StringComparison.Ordinal);
        Assert.Empty(await StoredAsync(host));
    }

    [Theory]
    [InlineData("channel")]
    [InlineData("groupChat")]
    public async Task In_a_shared_conversation_the_card_goes_to_the_personal_chat_and_the_conversation_gets_the_neutral_line(string type)
    {
        await using var host = await ClassificationHost.StartAsync(excellent: 0, good: 1);
        var id = Guid.NewGuid().ToString("N");
        var shared = Activities.SharedConversationId(type);
        var activity = Activities.Message(host.Teams.ServiceUrl, "<at>EvalBot</at> tự đánh giá", userAad: "aad-00", id: id, locale: "vi-VN");
        Activities.InSharedConversation(activity, type, shared);

        (await host.Client.PostAsJsonAsync("/api/messages", activity)).EnsureSuccessStatusCode();

        var rows = await host.Bot.QueryAsync(db => db.Outbox.AsNoTracking().Where(o => o.DedupeKey.Contains(id) || o.ReplyToId == id).ToListAsync());
        var line = Assert.Single(rows, r => r.ConversationId == shared);
        Assert.Equal("Đã gửi riêng cho đồng chí.", (string?)JsonNode.Parse(line.ActivityJson)!["text"]);
        var privately = rows.Where(r => r.RecipientAadObjectId == "aad-00").ToList();
        Assert.Contains("classification.selfassess", string.Concat(privately.Select(r => Regex.Unescape(r.ActivityJson))), StringComparison.Ordinal);
    }
}
