using EvalBot.Domain.Calendar;
using EvalBot.Domain.Records;

namespace EvalBot.Domain.Tests.Calendar;

public class PeriodCalendarTests
{
    [Theory]
    [InlineData("2026-Q1", 2026, PeriodKind.Quarter, 1)]
    [InlineData("2026-Q4", 2026, PeriodKind.Quarter, 4)]
    [InlineData("2026-03", 2026, PeriodKind.Month, 3)]
    [InlineData("2026-12", 2026, PeriodKind.Month, 12)]
    [InlineData("1900-01", 1900, PeriodKind.Month, 1)]
    public void Parses_quarter_and_month_labels_and_formats_them_back(string text, int year, PeriodKind kind, int index)
    {
        var period = Period.Parse(text, "U1");

        Assert.Equal(new Period(year, kind, index, "U1"), period);
        Assert.Equal(text, period.Label);
    }

    [Theory]
    [InlineData("", "required")]
    [InlineData("2026-Q0", "quarter must be 1–4")]
    [InlineData("2026-Q5", "quarter must be 1–4")]
    [InlineData("2026-00", "month must be 01–12")]
    [InlineData("2026-13", "month must be 01–12")]
    [InlineData("1899-12", "year must be between 1900 and 2100")]
    [InlineData("2026-q1", "expected YYYY-Qn")]
    [InlineData("2026-3", "expected YYYY-Qn")]
    [InlineData("2026-Q12", "expected YYYY-Qn")]
    [InlineData(" 2026-Q1", "expected YYYY-Qn")]
    [InlineData("2026-Q1 ", "expected YYYY-Qn")]
    [InlineData("26-Q1", "expected YYYY-Qn")]
    [InlineData("2026Q1", "expected YYYY-Qn")]
    [InlineData("2026/03", "expected YYYY-Qn")]
    [InlineData("2026-M3", "expected YYYY-Qn")]
    [InlineData("２０２６-03", "expected YYYY-Qn")]
    [InlineData("-026-03", "expected YYYY-Qn")]
    public void Refuses_anything_but_an_exact_label_with_a_clear_message(string text, string reason)
    {
        Assert.False(Period.TryParse(text, "U1", out var period, out var error));
        Assert.Null(period);
        Assert.Contains(reason, error, StringComparison.Ordinal);
        var thrown = Assert.Throws<FormatException>(() => Period.Parse(text, "U1"));
        Assert.Equal(error, thrown.Message);
    }

    [Fact]
    public void A_missing_label_is_refused()
    {
        Assert.False(Period.TryParse(null, "U1", out _, out var error));
        Assert.StartsWith("A period is required", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-Q1", "2026-01-01", "2026-03-31")]
    [InlineData("2026-Q2", "2026-04-01", "2026-06-30")]
    [InlineData("2026-Q4", "2026-10-01", "2026-12-31")]
    [InlineData("2028-02", "2028-02-01", "2028-02-29")]
    [InlineData("2026-02", "2026-02-01", "2026-02-28")]
    public void Start_and_end_are_the_first_and_last_days(string text, string start, string end)
    {
        var period = Period.Parse(text, "U1");

        Assert.Equal(Iso.Date(start), period.Start);
        Assert.Equal(Iso.Date(end), period.End);
    }

    [Theory]
    [InlineData("2026-Q1", "2026-Q2", "2025-Q4")]
    [InlineData("2026-Q4", "2027-Q1", "2026-Q3")]
    [InlineData("2026-01", "2026-02", "2025-12")]
    [InlineData("2026-12", "2027-01", "2026-11")]
    public void Next_and_previous_stay_in_kind_and_unit(string text, string next, string previous)
    {
        var period = Period.Parse(text, "U7");

        Assert.Equal(Period.Parse(next, "U7"), period.Next());
        Assert.Equal(Period.Parse(previous, "U7"), period.Previous());
    }

    [Theory]
    [InlineData("2025-Q4", "2026-Q1", -1)]
    [InlineData("2026-Q1", "2026-Q1", 0)]
    [InlineData("2026-01", "2026-Q1", -1)]
    [InlineData("2026-Q1", "2026-02", -1)]
    [InlineData("2026-04", "2026-Q1", 1)]
    [InlineData("2025-12", "2026-01", -1)]
    public void Periods_compare_in_time(string left, string right, int expected)
    {
        Assert.Equal(expected, Math.Sign(Period.Parse(left, "U1").CompareTo(Period.Parse(right, "U1"))));
    }

    [Fact]
    public void Sorting_puts_periods_in_time_order()
    {
        var periods = new[] { "2026-Q2", "2026-01", "2025-Q4", "2026-Q1" }.Select(p => Period.Parse(p, "U1"));

        Assert.Equal(["2025-Q4", "2026-01", "2026-Q1", "2026-Q2"], periods.Order(PeriodComparer.Chronological).Select(p => p.Label));
    }
}
