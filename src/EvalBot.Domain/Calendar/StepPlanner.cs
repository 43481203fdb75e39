namespace EvalBot.Domain.Calendar;

/// <summary>Moves instants into working hours on working days in one zone, and past leave.</summary>
internal readonly record struct StepPlanner(WorkCalendar Calendar, WorkingHours Hours, TimeZoneInfo Zone)
{
    /// <summary>The instant for a working day and a time of day, moved into working hours if needed.</summary>
    public DateTimeOffset Place(DateOnly date, TimeOnly time)
    {
        var (day, at) = Adjust(date, time);
        return ZonedTime.ToInstant(day, at, Zone);
    }

    public CampaignStep Step(CampaignStepKind kind, int number, DateTimeOffset at) =>
        new(kind, number, at, TimeZoneInfo.ConvertTime(at, Zone));

    /// <summary>
    /// The first instant at or after <paramref name="from"/> on a working day, in working hours and off
    /// leave; null when it would fall after <paramref name="lastDate"/>.
    /// </summary>
    public DateTimeOffset? NextAllowed(DateTimeOffset from, IReadOnlyCollection<DateRange> leave, DateOnly lastDate)
    {
        var (date, time) = ZonedTime.ToLocal(from, Zone);
        var (day, at) = Adjust(date, time);
        while (day <= lastDate)
        {
            var leaveEnd = leave.Where(r => r.Contains(day)).Select(r => (DateOnly?)r.End).Max();
            if (leaveEnd is not { } end)
            {
                return (day, at) == (date, time) ? from : ZonedTime.ToInstant(day, at, Zone);
            }

            if (end >= lastDate)
            {
                return null;
            }

            (day, at) = (Calendar.NextWorkingDayOnOrAfter(end.AddDays(1)), Hours.Start);
        }

        return null;
    }

    private (DateOnly Date, TimeOnly Time) Adjust(DateOnly date, TimeOnly time)
    {
        if (Calendar.IsWorkingDay(date) && time < Hours.End)
        {
            return (date, time < Hours.Start ? Hours.Start : time);
        }

        return (Calendar.NextWorkingDayOnOrAfter(date.AddDays(1)), Hours.Start);
    }
}
