using EvalBot.Domain.Records;

namespace EvalBot.Domain.Scoring;

/// <summary>Derives the year's task counts from the period product reports when no summary was entered.</summary>
public static class TaskSummaryBuilder
{
    /// <summary>Counts every quantified product of every worked period as one task.</summary>
    public static TaskSummary FromPeriods(IReadOnlyList<PeriodReport> periods)
    {
        ArgumentNullException.ThrowIfNull(periods);
        var products = periods
            .Where(p => p.Status == WorkStatus.Worked)
            .SelectMany(p => p.Products)
            .Where(p => ProductQuantification.IsQuantified(p.Product))
            .ToList();
        int Count(Func<ProductReport, bool> f) => products.Count(f);
        static bool Waived(ProductReport p) => p.Exemption is { IsValid: true };
        static bool Completed(ProductReport p) => p.Done >= p.Product.Quantity!.Value;
        static bool Late(ProductReport p) => !Waived(p) && (p.Delays > 0 || p.OnTime < p.Done);
        static bool QualityOk(ProductReport p) => Waived(p) || (p.FailedQualityChecks == 0 && p.QualityPassed >= p.Done);
        return new TaskSummary(
            products.Count,
            Count(Completed),
            Count(p => Completed(p) && !Late(p) && QualityOk(p)),
            Count(p => p.Done > p.Product.Quantity!.Value),
            Count(Late),
            Count(p => !Completed(p) || Late(p) || !QualityOk(p)));
    }
}
