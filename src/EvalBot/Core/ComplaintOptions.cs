namespace EvalBot.Core;

/// <summary>
/// Configuration section <c>Complaints</c>: how long a person has to ask for a review of a result (kiến nghị, khiếu nại).
/// The result cards print the last day, counted from the day the result was decided in the organisation's time zone.
/// </summary>
public sealed class ComplaintOptions
{
    public const string Section = "Complaints";

    /// <summary>
    /// Days to ask the direct leader to review a period's confirmed report. No national text sets it (domain-rules §9.5):
    /// a default that leaves time before the year is compiled.
    /// </summary>
    public int PeriodResultDays { get; set; } = 15;

    /// <summary>
    /// Days to complain about the annual classification: the general time limit of the Law on Complaints (90 days from
    /// knowing the decision, Law 02/2011/QH13 Art. 9), which domain-rules §9.5 says may apply until a rule names another.
    /// </summary>
    public int AnnualResultDays { get; set; } = 90;

    /// <summary>The last day to ask for a review of a result decided on <paramref name="decided"/>.</summary>
    public static DateOnly LastDay(DateOnly decided, int days) => decided.AddDays(days);
}
