using EvalBot.Domain.Records;
using EvalBot.Domain.Tracks;

namespace EvalBot.Domain.Tests.Tracks;

public class PartyQuartersTests
{
    private static QuarterStanding Recorded(int q) => new(q, Recorded: true, OnLeave: false, null);

    private static QuarterStanding Missing(int q, string? reason = null, bool leave = false) => new(q, Recorded: false, leave, reason);

    public static TheoryData<string, string, string?, QuarterStanding[], int[]> Years => new()
    {
        { "every ended quarter recorded", "2026-12-10", null, [Recorded(1), Recorded(2), Recorded(3)], [] },
        { "a missing quarter without a reason", "2026-12-10", null, [Recorded(1), Recorded(3)], [2] },
        { "a missing quarter with a reason", "2026-12-10", null, [Recorded(1), Missing(2, "Đi học tập trung"), Recorded(3)], [] },
        { "a blank reason is no reason", "2026-12-10", null, [Recorded(1), Missing(2, "  "), Recorded(3)], [2] },
        { "a quarter wholly on lawful leave is justified by the leave", "2026-12-10", null, [Recorded(1), Missing(2, leave: true), Recorded(3)], [] },
        { "the fourth quarter is asked for once it has ended", "2027-01-10", null, [Recorded(1), Recorded(2), Recorded(3)], [4] },
        { "nothing recorded: every ended quarter is named", "2026-12-10", null, [], [1, 2, 3] },
        { "quarters ended before the admission are not asked for", "2026-12-10", "2026-05-15", [Recorded(3)], [2] },
    };

    [Theory]
    [MemberData(nameof(Years))]
    public void Rule09_the_annual_self_rating_links_every_quarterly_record_or_a_reason_for_each_missing_quarter(string _, string day, string? admitted, QuarterStanding[] quarters, int[] unjustified)
    {
        var on = DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture);
        var admission = admitted is null ? (DateOnly?)null : DateOnly.Parse(admitted, System.Globalization.CultureInfo.InvariantCulture);

        var found = PartyQuarters.Unjustified(2026, on, admission, quarters);
        var refusal = PartyQuarters.Check(2026, on, admission, quarters);

        Assert.Equal(unjustified, found);
        Assert.Equal(unjustified.Length == 0, refusal is null);
        if (refusal is not null)
        {
            Assert.Equal("R09", refusal.RuleId);
            Assert.All(unjustified, q => Assert.Contains($"Quý {q}/2026", refusal.TextVi, StringComparison.Ordinal));
            Assert.All(unjustified, q => Assert.Contains($"Q{q} 2026", refusal.TextEn, StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData(PeriodKind.Quarter, 3, 3)]
    [InlineData(PeriodKind.Month, 1, 1)]
    [InlineData(PeriodKind.Month, 3, 1)]
    [InlineData(PeriodKind.Month, 4, 2)]
    [InlineData(PeriodKind.Month, 12, 4)]
    public void Rule09_a_reporting_period_counts_in_the_quarter_holding_it(PeriodKind kind, int index, int quarter) =>
        Assert.Equal(quarter, PartyQuarters.QuarterOf(new Period(2026, kind, index, "U")));
}
