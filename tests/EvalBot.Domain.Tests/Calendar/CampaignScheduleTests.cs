using EvalBot.Domain.Calendar;
using EvalBot.Domain.Records;

namespace EvalBot.Domain.Tests.Calendar;

public class CampaignScheduleTests
{
    private const string Hanoi = "Asia/Ho_Chi_Minh";
    private const string Paris = "Europe/Paris";
    private static readonly WorkCalendar Calendar = new();

    private static CampaignSchedule Schedule(string period, string zone, CampaignSettings? settings = null) =>
        CampaignSchedule.For(Period.Parse(period, "U1"), settings ?? new CampaignSettings(), Calendar, PersonTimeZone.Resolve(zone));

    [Theory]
    [InlineData(Hanoi, "2025-Q4", CampaignStepKind.Open, 1, "2026-01-02T01:00Z")]
    [InlineData(Hanoi, "2025-Q4", CampaignStepKind.Reminder, 1, "2026-01-07T01:00Z")]
    [InlineData(Hanoi, "2025-Q4", CampaignStepKind.Reminder, 2, "2026-01-13T01:00Z")]
    [InlineData(Hanoi, "2025-Q4", CampaignStepKind.EscalateToLeader, 1, "2026-01-14T01:00Z")]
    [InlineData(Hanoi, "2025-Q4", CampaignStepKind.EscalateToHead, 1, "2026-01-16T01:00Z")]
    [InlineData(Hanoi, "2025-Q4", CampaignStepKind.Close, 1, "2026-01-23T01:00Z")]
    [InlineData(Hanoi, "2026-01", CampaignStepKind.Open, 1, "2026-02-02T01:00Z")]
    [InlineData(Hanoi, "2026-01", CampaignStepKind.Reminder, 1, "2026-02-05T01:00Z")]
    [InlineData(Hanoi, "2026-01", CampaignStepKind.Reminder, 2, "2026-02-11T01:00Z")]
    [InlineData(Hanoi, "2026-01", CampaignStepKind.EscalateToLeader, 1, "2026-02-12T01:00Z")]
    [InlineData(Hanoi, "2026-01", CampaignStepKind.EscalateToHead, 1, "2026-02-23T01:00Z")]
    [InlineData(Hanoi, "2026-01", CampaignStepKind.Close, 1, "2026-03-02T01:00Z")]
    [InlineData(Hanoi, "2026-Q1", CampaignStepKind.Open, 1, "2026-04-01T01:00Z")]
    [InlineData(Paris, "2026-01", CampaignStepKind.Open, 1, "2026-02-02T07:00Z")]
    [InlineData(Paris, "2026-01", CampaignStepKind.EscalateToHead, 1, "2026-02-23T07:00Z")]
    [InlineData(Paris, "2026-01", CampaignStepKind.Close, 1, "2026-03-02T07:00Z")]
    [InlineData(Paris, "2026-Q1", CampaignStepKind.Open, 1, "2026-04-01T06:00Z")]
    public void Steps_fall_on_working_days_at_eight_in_the_persons_zone(string zone, string period, CampaignStepKind kind, int number, string expected)
    {
        var step = Schedule(period, zone).Steps.Single(s => s.Kind == kind && s.Number == number);

        Assert.Equal(Iso.Instant(expected), step.At);
        Assert.Equal(new TimeOnly(8, 0), TimeOnly.FromTimeSpan(step.LocalAt.TimeOfDay));
    }

    [Fact]
    public void Steps_follow_daylight_saving_in_the_persons_zone()
    {
        var schedule = Schedule("2026-02", Paris, new CampaignSettings { CloseDay = 20 });

        Assert.Equal(Iso.Instant("2026-03-02T07:00Z"), schedule.Opens.At);
        Assert.Equal(Iso.Instant("2026-03-30T06:00Z"), schedule.Closes.At);
        Assert.Equal(TimeSpan.FromHours(2), schedule.Closes.LocalAt.Offset);
    }

    // Cairo moves its clocks on a Friday at midnight (spring) and a Thursday at midnight (autumn), so
    // a working-day step can meet a skipped or a repeated local time.
    [Theory]
    [InlineData("2026-03", 0, 30, 17, "2026-04-23T22:30Z")]
    [InlineData("2026-Q3", 23, 30, 20, "2026-10-29T20:30Z")]
    public void A_skipped_local_time_lands_just_after_the_gap_and_a_repeated_one_at_its_first_occurrence(string period, int hour, int minute, int reminderDay, string expected)
    {
        var settings = new CampaignSettings
        {
            WorkingHours = new WorkingHours { Start = TimeOnly.MinValue, End = new TimeOnly(23, 59) },
            SendAt = new TimeOnly(hour, minute),
            ReminderDays = [reminderDay],
            EscalateToLeaderDay = null,
            EscalateToHeadDay = null,
            CloseDay = reminderDay + 1,
        };

        var reminder = Schedule(period, "Africa/Cairo", settings).Steps.Single(s => s.Kind == CampaignStepKind.Reminder);

        Assert.Equal(Iso.Instant(expected), reminder.At);
    }

    [Fact]
    public void Default_settings_open_remind_twice_escalate_twice_and_close()
    {
        var kinds = Schedule("2026-Q1", Hanoi).Steps.Select(s => s.Kind);

        Assert.Equal(
            [CampaignStepKind.Open, CampaignStepKind.Reminder, CampaignStepKind.Reminder, CampaignStepKind.EscalateToLeader, CampaignStepKind.EscalateToHead, CampaignStepKind.Close],
            kinds);
    }

    [Fact]
    public void Escalations_can_be_turned_off()
    {
        var settings = new CampaignSettings { EscalateToLeaderDay = null, EscalateToHeadDay = null, ReminderDays = [5] };

        var kinds = Schedule("2026-Q1", Hanoi, settings).Steps.Select(s => s.Kind);

        Assert.Equal([CampaignStepKind.Open, CampaignStepKind.Reminder, CampaignStepKind.Close], kinds);
    }

    [Theory]
    [InlineData(7, 0, "2026-02-02T01:00Z")]
    [InlineData(10, 30, "2026-02-02T03:30Z")]
    [InlineData(17, 0, "2026-02-03T01:00Z")]
    [InlineData(18, 0, "2026-02-03T01:00Z")]
    public void A_send_time_outside_working_hours_moves_into_them(int hour, int minute, string expectedOpen)
    {
        var schedule = Schedule("2026-01", Hanoi, new CampaignSettings { SendAt = new TimeOnly(hour, minute) });

        Assert.Equal(Iso.Instant(expectedOpen), schedule.Opens.At);
    }

    [Fact]
    public void Opening_later_after_the_period_end_is_configurable()
    {
        var schedule = Schedule("2025-Q4", Hanoi, new CampaignSettings { OpenAfterPeriodEnd = 3 });

        Assert.Equal(Iso.Instant("2026-01-06T01:00Z"), schedule.Opens.At);
    }

    [Theory]
    [InlineData(new[] { 7, 3 }, 8, 10, 15, "ReminderDays[1] (3) must come after ReminderDays[0] (7)")]
    [InlineData(new[] { 3, 7 }, 5, 10, 15, "EscalateToLeaderDay (5) must come after ReminderDays[1] (7)")]
    [InlineData(new[] { 3, 7 }, 8, 10, 9, "CloseDay (9) must come after EscalateToHeadDay (10)")]
    [InlineData(new[] { 0 }, 8, 10, 15, "ReminderDays[0] (0) must come after the opening (0)")]
    public void Steps_out_of_order_are_a_configuration_error(int[] reminders, int leader, int head, int close, string message)
    {
        var settings = new CampaignSettings { ReminderDays = reminders, EscalateToLeaderDay = leader, EscalateToHeadDay = head, CloseDay = close };

        var error = Assert.Throws<ArgumentException>(() => Schedule("2026-Q1", Hanoi, settings));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Working_hours_that_end_before_they_start_are_a_configuration_error()
    {
        var settings = new CampaignSettings { WorkingHours = new WorkingHours { Start = new TimeOnly(17, 0), End = new TimeOnly(8, 0) } };

        Assert.Contains("WorkingHours.End must be after WorkingHours.Start.", settings.Validate());
    }

    [Theory]
    [InlineData(null, "Asia/Ho_Chi_Minh")]
    [InlineData(" ", "Asia/Ho_Chi_Minh")]
    [InlineData("Europe/Paris", "Europe/Paris")]
    public void A_person_without_a_zone_gets_Viet_Nam_time(string? id, string expected)
    {
        Assert.Equal(expected, PersonTimeZone.Resolve(id).Id);
    }

    [Fact]
    public void An_unknown_zone_is_refused_with_its_name()
    {
        var error = Assert.Throws<ArgumentException>(() => PersonTimeZone.Resolve("Mars/Olympus_Mons"));

        Assert.Contains("Mars/Olympus_Mons", error.Message, StringComparison.Ordinal);
    }
}
