using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EvalBot.Persistence.Entities;
using EvalBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Population = EvalBot.Domain.Records.Population;

namespace EvalBot.Tests.Features.Classification;

/// <summary>
/// Rules 23 and 37 through POST /api/messages: the head's approval is refused while a person's review steps are missing or
/// out of order, the refusal names the step per person in the reader's language, and the same list is approved once the
/// steps are taken in order.
/// </summary>
public sealed class ReviewStepOrderTests
{
    private static readonly Dictionary<string, string?> RequireSteps = new() { ["Classification:RequireReviewSteps"] = "true" };

    private static JsonObject Own() => new() { ["year"] = "2026", ["list"] = "own" };

    private static Task<List<ClassificationRecord>> RowsAsync(ClassificationHost host) =>
        host.Bot.QueryAsync(db => db.Set<ClassificationRecord>().AsNoTracking().ToListAsync());

    private static Task<int> AddAsync(ClassificationHost host, Func<Dictionary<string, Person>, IEnumerable<object>> rows) => host.Bot.QueryAsync(db =>
    {
        var people = db.People.ToDictionary(p => p.ExternalId);
        foreach (var row in rows(people)) db.Add(row);
        return db.SaveChangesAsync();
    });

    private static ReviewSelfAssessment Self(Person p, DateTimeOffset at) => new() { PersonId = p.Id, Year = 2026, Strengths = "Tốt", SubmittedAt = at };

    [Fact]
    public async Task Nd335_the_approval_waits_for_every_annual_self_assessment_and_names_each_person()
    {
        await using var host = await ClassificationHost.StartAsync(excellent: 0, good: 3, teamIsAgency: true, settings: RequireSteps);
        await host.CompileAsync();

        var refused = (await host.InvokeAsync("classification.approve", Own(), "aad-head")).Readable();

        Assert.Contains("3 người chưa đủ các bước đánh giá", refused, StringComparison.Ordinal);
        foreach (var name in new[] { "Nhân Viên A", "Nhân Viên B", "Nhân Viên C" }) Assert.Contains($"{name}: Chưa có bước \\\"tự đánh giá\\\"", refused, StringComparison.Ordinal);
        Assert.All(await RowsAsync(host), r => Assert.Equal(ClassificationState.Draft, r.State));

        await AddAsync(host, people => people.Values.Where(p => p.ExternalId.StartsWith("P-0", StringComparison.Ordinal)).Select(p => Self(p, TimeProvider.System.GetUtcNow())));
        var approved = (await host.InvokeAsync("classification.approve", Own(), "aad-head")).Readable();

        Assert.Contains("Đã phê duyệt", approved, StringComparison.Ordinal);
        Assert.Equal(3, (await RowsAsync(host)).Count(r => r.State == ClassificationState.Decided));
    }

    [Fact]
    public async Task Nd335_a_self_assessment_dated_before_the_monitoring_records_is_refused_in_the_readers_language()
    {
        await using var host = await ClassificationHost.StartAsync(excellent: 0, good: 1, teamIsAgency: true, settings: RequireSteps);
        await host.Bot.QueryAsync(async db =>
        {
            (await db.People.SingleAsync(p => p.ExternalId == "P-HEAD")).PreferredLanguage = "en";
            return await db.SaveChangesAsync();
        });
        await host.CompileAsync();
        await AddAsync(host, people => [Self(people["P-00"], TimeProvider.System.GetUtcNow().AddDays(-30))]);

        var refused = (await host.InvokeAsync("classification.approve", Own(), "aad-head")).Readable();

        Assert.Contains("Nhân Viên A: The step \\\"self-assessment\\\"", refused, StringComparison.Ordinal);
        Assert.Contains("is before \\\"period monitoring records\\\"", refused, StringComparison.Ordinal);
        Assert.All(await RowsAsync(host), r => Assert.Equal(ClassificationState.Draft, r.State));
    }

    [Fact]
    public async Task Nd90_48_a_non_leader_needs_the_approved_meeting_and_a_leader_also_the_party_committee_comment_and_the_proposal()
    {
        await using var host = await ClassificationHost.StartAsync(excellent: 0, good: 2, teamIsAgency: true, settings: RequireSteps);
        await host.Bot.QueryAsync(async db =>
        {
            await db.People.ForEachAsync(p => p.Population = Population.PublicEmployee);
            // The agency's list then holds the head of the team alone.
            (await db.People.SingleAsync(p => p.ExternalId == "P-BOARD")).IsActive = false;
            return await db.SaveChangesAsync();
        });
        await host.CompileAsync();
        var now = TimeProvider.System.GetUtcNow();
        await AddAsync(host, people => people.Values.Select(p => Self(p, now.AddHours(-3))));
        await AddAsync(host, _ => [new ReviewMeeting { UnitId = host.Team.Id, Year = 2026, ChairPersonId = host.People["P-HEAD"].Id, OpenedAt = now.AddHours(-2) }]);

        var noMinutes = (await host.InvokeAsync("classification.approve", Own(), "aad-head")).Readable();
        Assert.Contains("Nhân Viên A: Chưa có bước \\\"họp nhận xét, biên bản được thông qua\\\"", noMinutes, StringComparison.Ordinal);

        await host.Bot.QueryAsync(async db =>
        {
            (await db.ReviewMeetings.SingleAsync()).ApprovedAt = now.AddHours(-1);
            return await db.SaveChangesAsync();
        });
        Assert.Contains("Đã phê duyệt", (await host.InvokeAsync("classification.approve", Own(), "aad-head")).Readable(), StringComparison.Ordinal);

        // The head of the team is a leader, decided by the head of the agency: the party committee's comment and the
        // advisory proposal come first, in this order.
        var leader = (await host.InvokeAsync("classification.approve", Own(), "aad-top")).Readable();
        Assert.Contains("Trưởng Phòng Head: Chưa có bước \\\"nhận xét của cấp ủy nơi công tác\\\"", leader, StringComparison.Ordinal);

        await AddAsync(host, people => [
            new ReviewOpinion { PersonId = people["P-HEAD"].Id, Year = 2026, Kind = ReviewOpinionKind.AdvisoryProposal, Text = "Đề xuất HTT", RecordedByPersonId = people["P-BOARD"].Id, RecordedAt = now.AddMinutes(-20) },
            new ReviewOpinion { PersonId = people["P-HEAD"].Id, Year = 2026, Kind = ReviewOpinionKind.PartyCommittee, Text = "Chi ủy nhận xét", RecordedByPersonId = people["P-BOARD"].Id, RecordedAt = now.AddMinutes(-10) },
        ]);
        var outOfOrder = (await host.InvokeAsync("classification.approve", Own(), "aad-top")).Readable();
        Assert.Contains("Bước \\\"đề xuất của cơ quan tham mưu tổ chức cán bộ\\\"", outOfOrder, StringComparison.Ordinal);

        await host.Bot.QueryAsync(async db =>
        {
            (await db.ReviewOpinions.SingleAsync(o => o.Kind == ReviewOpinionKind.AdvisoryProposal)).RecordedAt = now.AddMinutes(-5);
            return await db.SaveChangesAsync();
        });
        Assert.Contains("Đã phê duyệt", (await host.InvokeAsync("classification.approve", Own(), "aad-top")).Readable(), StringComparison.Ordinal);
        Assert.Equal(ClassificationState.Decided, (await RowsAsync(host)).Single(r => r.PersonId == host.People["P-HEAD"].Id).State);
    }

    [Fact]
    public async Task The_minutes_keep_each_comments_author_and_after_approval_take_only_addenda_then_the_head_decides()
    {
        await using var host = await ClassificationHost.StartAsync(excellent: 0, good: 2, teamIsAgency: true, settings: RequireSteps);
        await host.Bot.QueryAsync(async db =>
        {
            await db.People.ForEachAsync(p => p.Population = Population.PublicEmployee);
            return await db.SaveChangesAsync();
        });
        await host.CompileAsync();
        foreach (var id in new[] { "P-00", "P-01" })
        {
            (await host.Admin.PostAsJsonAsync($"/admin/years/2026/people/{id}/review", new { strengths = "Hoàn thành nhiệm vụ", shortcomings = "Chưa chủ động", selfCriticism = "Sẽ khắc phục" })).EnsureSuccessStatusCode();
        }

        var meeting = await host.Admin.PostAsJsonAsync("/admin/years/2026/units/TEAM/review-meeting", new
        {
            comments = new[] { new { author = "P-01", subject = "P-00", text = "Đồng chí A làm việc tận tụy" }, new { author = "P-00", subject = "P-01", text = "Đồng chí B cần đúng hạn hơn" } },
            approved = true,
        });
        meeting.EnsureSuccessStatusCode();
        (await host.Admin.PostAsJsonAsync("/admin/years/2026/units/TEAM/review-meeting", new { comments = new[] { new { author = "P-HEAD", subject = "P-01", text = "Bổ sung: đã nộp đúng hạn quý IV" } } })).EnsureSuccessStatusCode();

        var entries = await host.Bot.QueryAsync(db => db.ReviewMeetingEntries.AsNoTracking().OrderBy(e => e.Id).ToListAsync());
        Assert.Equal([(host.People["P-01"].Id, false), (host.People["P-00"].Id, false), (host.People["P-HEAD"].Id, true)], entries.Select(e => (e.AuthorPersonId, e.IsAddendum)));
        Assert.Contains("Đã phê duyệt", (await host.InvokeAsync("classification.approve", Own(), "aad-head")).Readable(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nd90_48_after_a_transfer_of_six_months_the_old_units_comment_is_required_before_the_decision()
    {
        await using var host = await ClassificationHost.StartAsync(excellent: 0, good: 1, teamIsAgency: true, settings: RequireSteps);
        await host.Bot.QueryAsync(async db =>
        {
            await db.People.ForEachAsync(p => p.Population = Population.PublicEmployee);
            db.Units.Add(new Unit { ExternalId = "OLD", Name = "Phòng Cũ", ParentId = host.Agency.Id });
            db.Transfers.Add(new TransferRecord { ExternalId = "TR-1", PersonId = host.People["P-00"].Id, FromUnitExternalId = "OLD", ToUnitId = host.Team.Id, Date = new DateOnly(2026, 8, 1) });
            return await db.SaveChangesAsync();
        });
        await host.CompileAsync();
        await host.GiveReviewStepsAsync();

        var refused = (await host.InvokeAsync("classification.approve", Own(), "aad-head")).Readable();
        Assert.Contains("cần cấp có thẩm quyền quyết định", refused, StringComparison.Ordinal);

        (await host.Admin.PostAsJsonAsync("/admin/years/2026/people/P-00/review", new { kind = "oldUnit", text = "Công văn 5/PC: hoàn thành tốt nhiệm vụ" })).EnsureSuccessStatusCode();
        await host.CompileAsync();

        var approved = (await host.InvokeAsync("classification.approve", Own(), "aad-head")).Readable();
        Assert.Contains("Đã phê duyệt", approved, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nd90_48_the_months_at_the_old_unit_count_from_the_hire_date_so_four_months_there_ask_no_comment()
    {
        await using var host = await ClassificationHost.StartAsync(excellent: 0, good: 1, teamIsAgency: true, settings: RequireSteps);
        await host.Bot.QueryAsync(async db =>
        {
            await db.People.ForEachAsync(p => p.Population = Population.PublicEmployee);
            var person = await db.People.SingleAsync(p => p.ExternalId == "P-00");
            person.HiredOn = new DateOnly(2026, 4, 1);
            db.Units.Add(new Unit { ExternalId = "OLD", Name = "Phòng Cũ", ParentId = host.Agency.Id });
            db.Transfers.Add(new TransferRecord { ExternalId = "TR-1", PersonId = person.Id, FromUnitExternalId = "OLD", ToUnitId = host.Team.Id, Date = new DateOnly(2026, 8, 1) });
            return await db.SaveChangesAsync();
        });
        await host.CompileAsync();
        await host.GiveReviewStepsAsync();

        var approved = (await host.InvokeAsync("classification.approve", Own(), "aad-head")).Readable();

        Assert.Contains("Đã phê duyệt", approved, StringComparison.Ordinal);
        Assert.DoesNotContain("đơn vị công tác cũ", approved, StringComparison.Ordinal);
    }
}
