using DomainPeriod = EvalBot.Domain.Records.Period;
using DomainPeriodKind = EvalBot.Domain.Records.PeriodKind;

namespace EvalBot.Features.Organisation;

/// <summary>The quarter the demo is seeded in: the organisation's calendar day at the given instant.</summary>
public static class DemoQuarters
{
    public static DomainPeriod Current(OrganisationClock clock, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var today = clock.Today(now);
        return new DomainPeriod(today.Year, DomainPeriodKind.Quarter, ((today.Month - 1) / 3) + 1, "");
    }
}
