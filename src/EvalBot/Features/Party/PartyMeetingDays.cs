using EvalBot.Domain.Calendar;
using EvalBot.Domain.Tracks;
using Microsoft.Extensions.Options;

namespace EvalBot.Features.Party;

/// <summary>The first day a collective's review meeting may be held if its draft report is sent today (rule 34).</summary>
public sealed class PartyMeetingDays(WorkCalendar calendar, IOptions<PartyOptions> options, OrganisationClock clock, TimeProvider time)
{
    public (int Days, DateOnly Earliest) Earliest()
    {
        var days = options.Value.DraftWorkingDaysBeforeMeeting;
        return (days, CollectiveMeeting.Earliest(clock.Today(time.GetUtcNow()), days, calendar));
    }
}
