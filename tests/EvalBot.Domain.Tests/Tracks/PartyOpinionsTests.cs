using EvalBot.Domain.Calendar;
using EvalBot.Domain.Tracks;

namespace EvalBot.Domain.Tests.Tracks;

public class PartyOpinionsTests
{
    private static readonly WorkCalendar Calendar = new();

    public static TheoryData<string, PartyOpinionFile, PartyOpinionKind[]> Files => new()
    {
        { "nothing asked", new(ResidenceRequired: false, false, false, HasTemporaryCell: false, false), [] },
        { "residence comment missing", new(ResidenceRequired: true, false, false, HasTemporaryCell: false, false), [PartyOpinionKind.Residence] },
        { "residence comment recorded", new(ResidenceRequired: true, true, false, HasTemporaryCell: false, false), [] },
        { "a recorded reason stands for the residence comment", new(ResidenceRequired: true, false, true, HasTemporaryCell: false, false), [] },
        { "temporary cell's comment missing", new(ResidenceRequired: true, true, false, HasTemporaryCell: true, false), [PartyOpinionKind.TemporaryCell] },
        { "both missing", new(ResidenceRequired: true, false, false, HasTemporaryCell: true, false), [PartyOpinionKind.Residence, PartyOpinionKind.TemporaryCell] },
        { "both recorded", new(ResidenceRequired: true, true, false, HasTemporaryCell: true, true), [] },
        { "old unit's comment missing after a transfer", new(ResidenceRequired: true, true, false, HasTemporaryCell: false, false, HasTransfer: true, HasOldUnitComment: false), [PartyOpinionKind.OldUnit] },
        { "old unit's comment recorded", new(ResidenceRequired: true, true, false, HasTemporaryCell: false, false, HasTransfer: true, HasOldUnitComment: true), [] },
        { "all three missing", new(ResidenceRequired: true, false, false, HasTemporaryCell: true, false, HasTransfer: true), [PartyOpinionKind.Residence, PartyOpinionKind.TemporaryCell, PartyOpinionKind.OldUnit] },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void Rule37_required_opinions_are_checklist_items_and_the_decision_waits_for_every_missing_one(string _, PartyOpinionFile file, PartyOpinionKind[] missing)
    {
        var found = PartyOpinions.Missing(file);
        var decide = PartyProcedure.MayDecide(new PartyCase(PartyStep.Verified, IsCollective: false, StateRatingDecided: true) { MissingOpinions = found });

        Assert.Equal(missing, found);
        Assert.Equal(missing.Length, decide.Count);
        Assert.All(decide, r => Assert.Equal("R37", r.RuleId));
    }

    public static TheoryData<string, DateOnly, DateOnly, int, bool> Meetings => new()
    {
        { "three working days later", new(2026, 12, 4), new(2026, 12, 9), 3, true },
        { "two working days later", new(2026, 12, 4), new(2026, 12, 8), 3, false },
        { "the weekend does not count", new(2026, 12, 4), new(2026, 12, 7), 3, false },
        { "National Day does not count", new(2026, 8, 31), new(2026, 9, 4), 3, false },
        { "after National Day", new(2026, 8, 31), new(2026, 9, 7), 3, true },
        { "a shorter notice set by configuration", new(2026, 12, 4), new(2026, 12, 8), 2, true },
    };

    [Theory]
    [MemberData(nameof(Meetings))]
    public void Rule34_the_collective_meeting_is_held_at_least_the_working_days_after_the_draft_report_is_sent(string _, DateOnly sent, DateOnly meeting, int days, bool allowed)
    {
        var refusal = CollectiveMeeting.MaySchedule(sent, meeting, days, Calendar);

        Assert.Equal(allowed, refusal is null);
        if (refusal is not null)
        {
            var earliest = CollectiveMeeting.Earliest(sent, days, Calendar);
            Assert.Equal("R34", refusal.RuleId);
            Assert.Contains(earliest.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture), refusal.TextVi, StringComparison.Ordinal);
            Assert.Contains(earliest.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), refusal.TextEn, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("2026-12-11", false)]
    [InlineData("2026-12-10", true)]
    [InlineData("2026-12-09", true)]
    public void Rule34_a_collective_is_verified_only_after_its_review_meeting(string? meeting, bool allowed)
    {
        var c = new PartyCase(PartyStep.SelfRated, IsCollective: true, StateRatingDecided: true)
        {
            MeetingOn = meeting is null ? null : DateOnly.Parse(meeting, System.Globalization.CultureInfo.InvariantCulture),
            Today = new DateOnly(2026, 12, 10),
        };

        var refusals = PartyProcedure.MayVerify(c);

        Assert.Equal(allowed, refusals.Count == 0);
        Assert.All(refusals, r => Assert.Equal("R34", r.RuleId));
    }
}
