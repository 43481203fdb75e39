using EvalBot.Domain.Calendar;
using EvalBot.Domain.Records;

namespace EvalBot.Domain.Tests.Calendar;

public class LeaveDeferralTests
{
    private static readonly WorkCalendar Calendar = new();

    // 2026-01 in Hà Nội: opens Mon 2 Feb 08:00 (01:00Z), reminder 1 Thu 5 Feb, Tết 16–20 Feb, closes Mon 2 Mar 08:00.
    private static readonly CampaignSchedule Hanoi =
        CampaignSchedule.For(Period.Parse("2026-01", "U1"), new CampaignSettings(), Calendar, PersonTimeZone.Resolve("Asia/Ho_Chi_Minh"));

    private static readonly CampaignSchedule Paris =
        CampaignSchedule.For(Period.Parse("2026-01", "U1"), new CampaignSettings(), Calendar, PersonTimeZone.Resolve("Europe/Paris"));

    private static CampaignStep Step(CampaignSchedule schedule, CampaignStepKind kind, int number = 1) =>
        schedule.Steps.Single(s => s.Kind == kind && s.Number == number);

    private static DateRange[] Leave(params string[] ranges) =>
        [.. ranges.Select(r => r.Split('/')).Select(p => new DateRange(Iso.Date(p[0]), Iso.Date(p[1])))];

    [Theory]
    [InlineData("2026-02-02T01:00Z", SendVerdict.Now, "2026-02-02T01:00Z")]
    [InlineData("2026-02-02T05:15Z", SendVerdict.Now, "2026-02-02T05:15Z")]
    [InlineData("2026-02-01T12:00Z", SendVerdict.Later, "2026-02-02T01:00Z")]
    [InlineData("2026-02-02T10:00Z", SendVerdict.Later, "2026-02-03T01:00Z")]
    [InlineData("2026-02-07T03:00Z", SendVerdict.Later, "2026-02-09T01:00Z")]
    [InlineData("2026-02-17T03:00Z", SendVerdict.Later, "2026-02-23T01:00Z")]
    [InlineData("2026-02-26T23:30Z", SendVerdict.Later, "2026-02-27T01:00Z")]
    public void Without_leave_a_step_goes_out_in_working_hours_on_working_days(string now, SendVerdict verdict, string at)
    {
        var decision = Hanoi.ShouldSendNow(Hanoi.Opens, [], Iso.Instant(now));

        Assert.Equal(new SendDecision(verdict, Iso.Instant(at)), decision);
    }

    [Theory]
    [InlineData("2026-02-02/2026-02-06", "2026-02-09T01:00Z")]
    [InlineData("2026-02-02/2026-02-13", "2026-02-23T01:00Z")]
    [InlineData("2026-01-20/2026-02-02", "2026-02-03T01:00Z")]
    public void On_leave_the_send_moves_to_the_first_working_day_after_the_leave(string leave, string expected)
    {
        var decision = Hanoi.ShouldSendNow(Hanoi.Opens, Leave(leave), Iso.Instant("2026-02-02T01:00Z"));

        Assert.Equal(new SendDecision(SendVerdict.Later, Iso.Instant(expected)), decision);
    }

    [Fact]
    public void Back_to_back_leave_is_skipped_as_a_whole()
    {
        var decision = Hanoi.ShouldSendNow(Step(Hanoi, CampaignStepKind.Reminder), Leave("2026-02-03/2026-02-05", "2026-02-06/2026-02-10"), Iso.Instant("2026-02-05T01:00Z"));

        Assert.Equal(new SendDecision(SendVerdict.Later, Iso.Instant("2026-02-11T01:00Z")), decision);
    }

    [Theory]
    [InlineData("2026-02-02/2026-03-02")]
    [InlineData("2026-02-02/2026-04-30")]
    public void Leave_that_lasts_until_the_close_drops_the_send(string leave)
    {
        var decision = Hanoi.ShouldSendNow(Hanoi.Opens, Leave(leave), Iso.Instant("2026-02-02T01:00Z"));

        Assert.Equal(new SendDecision(SendVerdict.Never, null), decision);
        Assert.False(decision.SendNow);
    }

    [Fact]
    public void Leave_ending_just_before_the_close_day_still_allows_a_send()
    {
        var decision = Hanoi.ShouldSendNow(Hanoi.Opens, Leave("2026-02-02/2026-02-26"), Iso.Instant("2026-02-02T01:00Z"));

        Assert.Equal(new SendDecision(SendVerdict.Later, Iso.Instant("2026-02-27T01:00Z")), decision);
    }

    [Fact]
    public void A_reminder_asked_about_after_the_close_is_never_sent()
    {
        var decision = Hanoi.ShouldSendNow(Step(Hanoi, CampaignStepKind.Reminder, 2), [], Iso.Instant("2026-03-02T02:00Z"));

        Assert.Equal(SendVerdict.Never, decision.Verdict);
    }

    [Theory]
    [InlineData("2026-03-01T12:00Z", SendVerdict.Later, "2026-03-02T01:00Z")]
    [InlineData("2026-03-02T01:00Z", SendVerdict.Now, "2026-03-02T01:00Z")]
    [InlineData("2026-03-07T20:00Z", SendVerdict.Now, "2026-03-07T20:00Z")]
    public void Closing_ignores_leave_and_working_hours(string now, SendVerdict verdict, string at)
    {
        var decision = Hanoi.ShouldSendNow(Hanoi.Closes, Leave("2026-02-02/2026-03-31"), Iso.Instant(now));

        Assert.Equal(new SendDecision(verdict, Iso.Instant(at)), decision);
    }

    [Theory]
    [InlineData("2026-02-02T07:00Z", null, SendVerdict.Now, "2026-02-02T07:00Z")]
    [InlineData("2026-02-02T01:00Z", null, SendVerdict.Later, "2026-02-02T07:00Z")]
    [InlineData("2026-02-02T07:00Z", "2026-02-02/2026-02-04", SendVerdict.Later, "2026-02-05T07:00Z")]
    public void Leave_and_hours_are_read_in_the_persons_zone(string now, string? leave, SendVerdict verdict, string at)
    {
        var decision = Paris.ShouldSendNow(Paris.Opens, leave is null ? [] : Leave(leave), Iso.Instant(now));

        Assert.Equal(new SendDecision(verdict, Iso.Instant(at)), decision);
    }

    [Fact]
    public void A_leave_range_ending_before_it_starts_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new DateRange(Iso.Date("2026-02-05"), Iso.Date("2026-02-04")));
    }
}
