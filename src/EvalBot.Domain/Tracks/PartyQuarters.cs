using System.Globalization;
using EvalBot.Domain.Records;

namespace EvalBot.Domain.Tracks;

/// <summary>One quarter of a Party member's year as the annual self-rating reads it.</summary>
/// <param name="Quarter">1 to 4.</param>
/// <param name="Recorded">The member's quarterly record (Form 05) of that quarter exists.</param>
/// <param name="OnLeave">The whole quarter was lawful leave (sick, maternity, other): justified by the leave record itself.</param>
/// <param name="Justification">The member's reason for the missing record, if typed.</param>
public sealed record QuarterStanding(int Quarter, bool Recorded, bool OnLeave, string? Justification)
{
    /// <summary>A quarter the annual record may go without: one with a record, on leave, or with a reason.</summary>
    public bool Covered => Recorded || OnLeave || !string.IsNullOrWhiteSpace(Justification);
}

/// <summary>
/// Rule 9 (Regulation 366 Art. 15.1; Guidance 43, Form 05): the quarterly results are the input of the annual
/// self-rating, so the annual record links every quarterly record of the year or carries a reason for each missing one.
/// A quarter is asked for once it has ended by the day of the self-rating (the year-end review is held in December,
/// before the fourth quarter's results exist) and only when the member was admitted before its end.
/// </summary>
public static class PartyQuarters
{
    public const int QuartersPerYear = 4;

    /// <summary>The quarter (1–4) a reporting period falls in: a quarter is itself, a month the quarter holding it.</summary>
    public static int QuarterOf(Period period)
    {
        ArgumentNullException.ThrowIfNull(period);
        return period.Kind == PeriodKind.Quarter ? period.Index : ((period.Index - 1) / 3) + 1;
    }

    public static DateOnly StartOf(int year, int quarter) => new(year, ((quarter - 1) * 3) + 1, 1);

    public static DateOnly EndOf(int year, int quarter) => StartOf(year, quarter).AddMonths(3).AddDays(-1);

    /// <summary>The quarters of <paramref name="year"/> the annual self-rating on <paramref name="day"/> must account for.</summary>
    public static IReadOnlyList<int> Required(int year, DateOnly day, DateOnly? admitted) =>
        [.. Enumerable.Range(1, QuartersPerYear).Where(q => EndOf(year, q) <= day && (admitted is not { } a || a <= EndOf(year, q)))];

    /// <summary>The required quarters with neither a record, nor leave, nor a reason, in order.</summary>
    public static IReadOnlyList<int> Unjustified(int year, DateOnly day, DateOnly? admitted, IReadOnlyCollection<QuarterStanding> quarters)
    {
        ArgumentNullException.ThrowIfNull(quarters);
        return [.. Required(year, day, admitted).Where(q => !quarters.Any(s => s.Quarter == q && s.Covered))];
    }

    /// <summary>The refusal of the annual self-rating naming every quarter still to justify, or null when every one is accounted for.</summary>
    public static PartyRefusal? Check(int year, DateOnly day, DateOnly? admitted, IReadOnlyCollection<QuarterStanding> quarters)
    {
        var missing = Unjustified(year, day, admitted, quarters);
        if (missing.Count == 0) return null;
        string Names(bool english) => string.Join(", ", missing.Select(q => PeriodNames.Name(Label(year, q), english)));
        return new PartyRefusal("R09",
            $"Chưa có bản tự đánh giá quý (Mẫu 05) của {Names(false)}: ghi lý do cho từng quý thiếu.",
            $"No quarterly self-assessment (Form 05) for {Names(true)}: give a reason for each missing quarter.");
    }

    /// <summary>The period label of a quarter, as stored and named (<c>2026-Q2</c>).</summary>
    public static string Label(int year, int quarter) => string.Create(CultureInfo.InvariantCulture, $"{year}-Q{quarter}");
}
