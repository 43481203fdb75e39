using System.Text.Json.Nodes;
using EvalBot.Persistence.Entities;
using EvalBot.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Tests.Features.Classification;

/// <summary>
/// <c>Classification:RequireReviewSteps</c> through POST /api/messages: unset, the head's approval waits for the steps of
/// rules 23 and 37 in a unit whose review is held in EvalBot (its meeting opened, a self-assessment or an opinion recorded)
/// and not in a unit that keeps it on paper; <c>true</c> always waits; <c>false</c> never does.
/// </summary>
public sealed class ReviewStepsSettingTests
{
    public enum Recorded
    {
        Nothing,
        OneSelfAssessment,
        MeetingOpened,
    }

    [Theory]
    [InlineData(null, Recorded.Nothing, true)]
    [InlineData(null, Recorded.OneSelfAssessment, false)]
    [InlineData(null, Recorded.MeetingOpened, false)]
    [InlineData("true", Recorded.Nothing, false)]
    [InlineData("false", Recorded.OneSelfAssessment, true)]
    [InlineData("false", Recorded.MeetingOpened, true)]
    public async Task Rule23_the_approval_waits_for_the_steps_where_the_units_review_is_held_in_teams_or_where_the_setting_says(string? setting, Recorded recorded, bool decided)
    {
        var settings = setting is null ? null : new Dictionary<string, string?> { ["Classification:RequireReviewSteps"] = setting };
        await using var host = await ClassificationHost.StartAsync(excellent: 0, good: 2, teamIsAgency: true, settings: settings);
        await host.CompileAsync();
        if (recorded == Recorded.OneSelfAssessment)
        {
            await host.InvokeAsync("classification.selfassess", new() { ["year"] = "2026", ["strengths"] = "Đúng hạn", ["shortcomings"] = "Chậm", ["selfCriticism"] = "Sửa" }, "aad-00");
        }
        else if (recorded == Recorded.MeetingOpened)
        {
            await host.InvokeAsync("review.comment", new()
            {
                ["year"] = "2026", ["unit"] = host.Team.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["subject"] = host.People["P-00"].Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["comment"] = "Hoàn thành nhiệm vụ",
            }, "aad-01");
        }

        var answer = (await host.InvokeAsync("classification.approve", new JsonObject { ["year"] = "2026", ["list"] = "own" }, "aad-head")).Readable();

        var staff = new[] { host.People["P-00"].Id, host.People["P-01"].Id };
        var states = await host.Bot.QueryAsync(db => db.Set<ClassificationRecord>().AsNoTracking().Where(r => staff.Contains(r.PersonId)).Select(r => r.State).ToListAsync());
        Assert.Equal(2, states.Count);
        Assert.All(states, s => Assert.Equal(decided ? ClassificationState.Decided : ClassificationState.Draft, s));
        if (!decided) Assert.Contains("chưa đủ các bước đánh giá", answer, StringComparison.Ordinal);
        if (recorded == Recorded.OneSelfAssessment && !decided) Assert.Contains("Nhân Viên B: Chưa có bước \\\"tự đánh giá\\\"", answer, StringComparison.Ordinal);
    }
}
