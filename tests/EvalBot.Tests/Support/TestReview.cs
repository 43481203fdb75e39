using EvalBot.Persistence;
using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Tests.Support;

/// <summary>
/// Gives every person of the register the annual review's steps for a year (rule 23), as a unit would have taken them
/// before the decision: a self-assessment, their unit's meeting with approved minutes, and for a leader the workplace
/// party-committee comment and the advisory proposal. ND335's monitoring records are the confirmed reports the test seeds.
/// All at one instant, now, so the decision that follows is after them.
/// </summary>
public static class TestReview
{
    public static Task GiveStepsAsync(EvalBotFactory bot, int year) => bot.QueryAsync(db => GiveStepsAsync(db, year, TimeProvider.System.GetUtcNow()));

    /// <summary>As above, leaving the meeting of the unit <paramref name="exceptMeetingOf"/> (external id) to be held in Teams.</summary>
    public static Task GiveStepsAsync(EvalBotFactory bot, int year, string exceptMeetingOf) =>
        bot.QueryAsync(db => GiveStepsAsync(db, year, TimeProvider.System.GetUtcNow(), exceptMeetingOf));

    public static async Task<int> GiveStepsAsync(EvalBotDbContext db, int year, DateTimeOffset at, string? exceptMeetingOf = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        var people = await db.People.ToListAsync();
        foreach (var p in people)
        {
            if (!await db.ReviewSelfAssessments.AnyAsync(s => s.PersonId == p.Id && s.Year == year))
                db.ReviewSelfAssessments.Add(new ReviewSelfAssessment { PersonId = p.Id, Year = year, Strengths = "Hoàn thành nhiệm vụ", SubmittedAt = at });
            if (!p.IsLeader) continue;
            foreach (var kind in new[] { ReviewOpinionKind.PartyCommittee, ReviewOpinionKind.AdvisoryProposal })
            {
                if (!await db.ReviewOpinions.AnyAsync(o => o.PersonId == p.Id && o.Year == year && o.Kind == kind))
                    db.ReviewOpinions.Add(new ReviewOpinion { PersonId = p.Id, Year = year, Kind = kind, Text = "Đồng ý", RecordedByPersonId = p.Id, RecordedAt = at });
            }
        }

        foreach (var unit in await db.Units.Where(u => u.ExternalId != exceptMeetingOf).ToListAsync())
        {
            var meeting = await db.ReviewMeetings.SingleOrDefaultAsync(m => m.UnitId == unit.Id && m.Year == year);
            if (meeting is null) db.ReviewMeetings.Add(new ReviewMeeting { UnitId = unit.Id, Year = year, ChairPersonId = unit.HeadPersonId ?? 0, OpenedAt = at, ApprovedAt = at });
            else meeting.ApprovedAt ??= at;
        }

        return await db.SaveChangesAsync();
    }
}
