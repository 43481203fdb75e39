namespace EvalBot.Domain.Records;

/// <summary>Month or quarter: the monitoring period type is configured per unit (Decree 335 Art. 14).</summary>
public enum PeriodKind
{
    /// <summary>A calendar month (index 1–12).</summary>
    Month = 0,

    /// <summary>A calendar quarter (index 1–4).</summary>
    Quarter = 1,
}

/// <summary>One monitoring period of one unit.</summary>
/// <param name="Year">Evaluation year.</param>
/// <param name="Kind">Month or quarter.</param>
/// <param name="Index">1–12 for months, 1–4 for quarters.</param>
/// <param name="UnitId">The unit that monitored the person in this period (differs after a transfer).</param>
public sealed record Period(int Year, PeriodKind Kind, int Index, string UnitId)
{
    /// <summary>How many months the period covers, for time-in-year rules.</summary>
    public int Months => Kind == PeriodKind.Quarter ? 3 : 1;

    /// <summary>A stable label such as 2026-Q1 or 2026-03.</summary>
    public string Label => Kind == PeriodKind.Quarter
        ? FormattableString.Invariant($"{Year}-Q{Index}")
        : FormattableString.Invariant($"{Year}-{Index:00}");
}
