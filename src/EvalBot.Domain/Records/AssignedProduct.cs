namespace EvalBot.Domain.Records;

/// <summary>
/// A product or piece of work assigned for a period. Every field is needed for it to count
/// (rule 6, Law 80 Art. 25.1(b), Decree 335 Art. 14); missing ones are nullable so the gap can be reported, not hidden.
/// </summary>
/// <param name="Id">Product id within the period.</param>
/// <param name="Quantity">Assigned quantity, in the product's own unit.</param>
/// <param name="ConversionFactor">Hệ số quy đổi into the agency's common unit.</param>
/// <param name="Deadline">The due date that decides "on time".</param>
/// <param name="QualityRequirement">What the quality check verifies.</param>
/// <param name="Title">What the product is called ("Soạn thảo văn bản"), shown before its code; null when unknown.</param>
public sealed record AssignedProduct(
    string Id,
    decimal? Quantity,
    decimal? ConversionFactor,
    DateOnly? Deadline,
    string? QualityRequirement,
    string? Title = null)
{
    /// <summary>How an explanation names the product: its title, with the code only as secondary text ("“Soạn thảo văn bản” (mã T-2026-Q1-CV-1)").</summary>
    public string Shown(bool english) => string.IsNullOrWhiteSpace(Title)
        ? Id
        : english ? $"“{Title}” (code {Id})" : $"“{Title}” (mã {Id})";
}
