using DomainPeriod = EvalBot.Domain.Records.Period;
using DomainPeriodKind = EvalBot.Domain.Records.PeriodKind;

namespace EvalBot.Features.Organisation;

/// <summary>The quarter the demo is seeded in, on the Vietnamese calendar day (UTC+7), from the injected clock.</summary>
public static class DemoQuarters
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    public static DomainPeriod Current(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        var today = time.GetUtcNow().ToOffset(Vietnam);
        return new DomainPeriod(today.Year, DomainPeriodKind.Quarter, ((today.Month - 1) / 3) + 1, "");
    }
}
