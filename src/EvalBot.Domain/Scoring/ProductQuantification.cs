using EvalBot.Domain.Records;

namespace EvalBot.Domain.Scoring;

/// <summary>
/// Rule 6: a product counts only when it is quantified (quantity, conversion factor, deadline, quality check).
/// The bot calls this when a task is created, to ask for what is missing.
/// </summary>
public static class ProductQuantification
{
    /// <summary>The missing or unusable fields, by name; empty when the product can be counted.</summary>
    public static IReadOnlyList<string> Missing(AssignedProduct product)
    {
        ArgumentNullException.ThrowIfNull(product);
        var missing = new List<string>();
        if (product.Quantity is not > 0m) missing.Add("quantity");
        if (product.ConversionFactor is not > 0m) missing.Add("conversionFactor");
        if (product.Deadline is null) missing.Add("deadline");
        if (string.IsNullOrWhiteSpace(product.QualityRequirement)) missing.Add("qualityRequirement");
        return missing;
    }

    /// <summary>What a person reads for a missing field named by <see cref="Missing"/> ("hệ số quy đổi" / "conversion factor").</summary>
    public static string Label(string field, bool english) => field switch
    {
        "quantity" => english ? "assigned quantity" : "số lượng giao",
        "conversionFactor" => english ? "conversion factor" : "hệ số quy đổi",
        "deadline" => english ? "deadline" : "thời hạn",
        "qualityRequirement" => english ? "quality requirement" : "yêu cầu chất lượng",
        _ => field,
    };

    /// <summary>True when the product can be counted.</summary>
    public static bool IsQuantified(AssignedProduct product) => Missing(product).Count == 0;
}
