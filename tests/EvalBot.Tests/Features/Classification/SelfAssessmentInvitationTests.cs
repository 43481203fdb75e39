using EvalBot.Persistence.Entities;
using EvalBot.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Tests.Features.Classification;

/// <summary>
/// Rule 23 at the compile (POST /admin/years/{year}/compile): each person with a draft gets their annual self-assessment
/// card in personal chat, in their language and pre-filled from their year, once per year; nobody who has submitted
/// theirs, whose unit's minutes are approved or whom the rules do not rate; none with the switch off.
/// </summary>
public sealed class SelfAssessmentInvitationTests
{
    private static string Text(OutboxMessage message) => System.Text.Json.Nodes.JsonNode.Parse(message.ActivityJson).Readable();

    private static Task<List<OutboxMessage>> InvitationsAsync(ClassificationHost host) =>
        host.Bot.QueryAsync(db => db.Outbox.AsNoTracking().Where(o => o.Kind == "classification.selfassess").OrderBy(o => o.PersonId).ToListAsync());

    private static Task<int> ChangeAsync(ClassificationHost host, Action<EvalBot.Persistence.EvalBotDbContext, Dictionary<string, Person>> change) => host.Bot.QueryAsync(db =>
    {
        change(db, db.People.ToDictionary(p => p.ExternalId));
        return db.SaveChangesAsync();
    });

    /// <summary>A first message from the head: the bot then knows the tenant's chats and can open everyone's personal chat.</summary>
    private static Task FirstContactAsync(ClassificationHost host) => host.SayAsync("trợ giúp", "aad-head");

    [Fact]
    public async Task Rule23_the_compile_sends_each_person_with_a_draft_their_card_in_their_language_pre_filled_from_their_year()
    {
        await using var host = await ClassificationHost.StartAsync(excellent: 1, good: 1);
        await ChangeAsync(host, (_, people) => people["P-01"].PreferredLanguage = "en");

        await FirstContactAsync(host);
        await host.CompileAsync();

        var sent = await InvitationsAsync(host);
        var drafts = await host.Bot.QueryAsync(db => db.Set<ClassificationRecord>().Where(r => r.State == ClassificationState.Draft && r.Outcome != ClassificationOutcome.NotRated).Select(r => r.PersonId).OrderBy(id => id).ToListAsync());
        Assert.Equal(drafts, sent.Select(o => o.PersonId!.Value));
        var vi = Text(sent.Single(o => o.PersonId == host.People["P-00"].Id));
        Assert.Contains("Bản tự đánh giá năm 2026", vi, StringComparison.Ordinal);
        Assert.Contains("Kết quả năm 2026 đã được tổng hợp. Mời đồng chí viết bản tự đánh giá", vi, StringComparison.Ordinal);
        Assert.Contains("Quý 3/2026", vi, StringComparison.Ordinal);
        Assert.Contains("100", vi, StringComparison.Ordinal);
        Assert.Contains("classification.selfassess", vi, StringComparison.Ordinal);
        var en = Text(sent.Single(o => o.PersonId == host.People["P-01"].Id));
        Assert.Contains("Annual self-assessment 2026", en, StringComparison.Ordinal);
        Assert.Contains("The results of 2026 have been compiled.", en, StringComparison.Ordinal);
        Assert.Contains("Q2 2026", en, StringComparison.Ordinal);
        Assert.Contains("79", en, StringComparison.Ordinal);
        Assert.Equal("aad-01", sent.Single(o => o.PersonId == host.People["P-01"].Id).RecipientAadObjectId);
    }

    [Fact]
    public async Task Rule23_a_second_compile_sends_nothing_more_and_whoever_submitted_before_the_compile_gets_none()
    {
        await using var host = await ClassificationHost.StartAsync(excellent: 0, good: 3);
        await host.InvokeAsync("classification.selfassess", new() { ["year"] = "2026", ["strengths"] = "Đúng hạn", ["shortcomings"] = "Chậm", ["selfCriticism"] = "Sửa" }, "aad-00");

        await FirstContactAsync(host);
        await host.CompileAsync();
        var first = await InvitationsAsync(host);
        await host.CompileAsync();

        Assert.DoesNotContain(first, o => o.PersonId == host.People["P-00"].Id);
        Assert.Contains(first, o => o.PersonId == host.People["P-01"].Id);
        Assert.Contains(first, o => o.PersonId == host.People["P-02"].Id);
        Assert.Equal(first.Select(o => o.Id), (await InvitationsAsync(host)).Select(o => o.Id));
        Assert.Equal(first.Count, first.Select(o => o.DedupeKey).Distinct().Count());
    }

    [Fact]
    public async Task Rule24_a_unit_whose_minutes_are_approved_and_a_person_not_rated_get_no_card()
    {
        await using var host = await ClassificationHost.StartAsync(excellent: 0, good: 3);
        await ChangeAsync(host, (db, people) =>
        {
            db.ReviewMeetings.Add(new ReviewMeeting { UnitId = host.Team.Id, Year = 2026, ChairPersonId = people["P-HEAD"].Id, OpenedAt = TimeProvider.System.GetUtcNow().AddHours(-2), ApprovedAt = TimeProvider.System.GetUtcNow() });
            people["P-01"].UnitId = host.Agency.Id;
            people["P-02"].UnitId = host.Agency.Id;
            // Hired in November: under the months the rules require, so not rated this year.
            people["P-01"].HiredOn = new DateOnly(2026, 11, 1);
        });
        await FirstContactAsync(host);

        await host.CompileAsync();

        var rows = await host.Bot.QueryAsync(db => db.Set<ClassificationRecord>().AsNoTracking().ToListAsync());
        Assert.Equal(ClassificationOutcome.NotRated, rows.Single(r => r.PersonId == host.People["P-01"].Id).Outcome);
        Assert.Equal(ClassificationOutcome.Rated, rows.Single(r => r.PersonId == host.People["P-00"].Id).Outcome);
        var sent = await InvitationsAsync(host);
        Assert.Equal([host.People["P-02"].Id], sent.Select(o => o.PersonId!.Value));
    }

    [Fact]
    public async Task Rule23_over_several_slices_each_person_gets_one_card_addressed_to_them_in_their_language()
    {
        // Four cards are read, rendered and written at a time (500 by default); past the first slice the next one is read
        // and rendered on a context of its own while the one before it is written.
        await using var host = await ClassificationHost.StartAsync(excellent: 2, good: 13, settings: new Dictionary<string, string?> { ["Classification:SelfAssessmentSlice"] = "4" });
        await ChangeAsync(host, (_, people) => people["P-13"].PreferredLanguage = "en");
        await host.InvokeAsync("classification.selfassess", new() { ["year"] = "2026", ["strengths"] = "Đúng hạn", ["shortcomings"] = "Chậm", ["selfCriticism"] = "Sửa" }, "aad-07");
        await FirstContactAsync(host);

        await host.CompileAsync();

        var sent = await InvitationsAsync(host);
        var drafts = await host.Bot.QueryAsync(db => db.Set<ClassificationRecord>().Where(r => r.State == ClassificationState.Draft && r.Outcome != ClassificationOutcome.NotRated).Select(r => r.PersonId).OrderBy(id => id).ToListAsync());
        Assert.Equal(15, drafts.Count); // the staff: 14 cards in slices of 4, 4, 4 and 2
        Assert.Equal(drafts.Where(id => id != host.People["P-07"].Id), sent.Select(o => o.PersonId!.Value));
        var byId = host.People.Values.ToDictionary(p => p.Id);
        Assert.All(sent, o =>
        {
            Assert.Equal(byId[o.PersonId!.Value].AadObjectId, o.RecipientAadObjectId);
            Assert.Equal($"classification.selfassess:2026:{o.PersonId}", o.DedupeKey);
        });
        Assert.Contains("Annual self-assessment 2026", Text(sent.Single(o => o.PersonId == host.People["P-13"].Id)), StringComparison.Ordinal);
        Assert.Contains("Bản tự đánh giá năm 2026", Text(sent.Single(o => o.PersonId == host.People["P-14"].Id)), StringComparison.Ordinal);
        Assert.Contains("Bản tự đánh giá năm 2026", Text(sent.Single(o => o.PersonId == host.People["P-00"].Id)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_switch_off_sends_no_card_at_the_compile()
    {
        await using var host = await ClassificationHost.StartAsync(excellent: 0, good: 2, settings: new Dictionary<string, string?> { ["Classification:SelfAssessmentAtCompile"] = "false" });

        await FirstContactAsync(host);
        await host.CompileAsync();

        Assert.Empty(await InvitationsAsync(host));
        Assert.True(await host.Bot.QueryAsync(db => db.Outbox.AnyAsync(o => o.Kind == "classification.decision")));
    }
}
