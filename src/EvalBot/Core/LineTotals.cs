using EvalBot.Persistence.Entities;

namespace EvalBot.Core;

/// <summary>
/// A person's lines of the year as a leader's unit result counts them (<see cref="LeaderUnitResults"/>): lines whose
/// target is of the year, completed (done ≥ quantity), exceeded (done &gt; quantity) and on time (on time ≥ quantity, no delay).
/// </summary>
internal readonly record struct LineTotals(int Lines, int Completed, int Exceeded, int OnTime)
{
    public static LineTotals Of(IEnumerable<CheckInReport> reports, IReadOnlyDictionary<long, Target> targets)
    {
        int lines = 0, completed = 0, exceeded = 0, onTime = 0;
        foreach (var report in reports)
        {
            foreach (var line in report.Lines)
            {
                if (!targets.TryGetValue(line.TargetId, out var target)) continue;
                lines++;
                if (line.Done >= target.Quantity) completed++;
                if (line.Done > target.Quantity) exceeded++;
                if (line.OnTime >= target.Quantity && line.Delays == 0) onTime++;
            }
        }

        return new LineTotals(lines, completed, exceeded, onTime);
    }

    public static LineTotals operator +(LineTotals a, LineTotals b) =>
        new(a.Lines + b.Lines, a.Completed + b.Completed, a.Exceeded + b.Exceeded, a.OnTime + b.OnTime);

    public LineTotals Add(LineTotals other) => this + other;
}
