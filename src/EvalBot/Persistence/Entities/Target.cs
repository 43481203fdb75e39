namespace EvalBot.Persistence.Entities;

/// <summary>
/// An assigned product for a period (sản phẩm được giao), to one person or to a post. It counts only when fully
/// quantified: quantity, conversion factor, deadline and quality requirement (rule 6).
/// </summary>
public sealed class Target
{
    public long Id { get; set; }
    public required string ExternalId { get; set; }

    /// <summary><c>2026-Q1</c> or <c>2026-03</c>.</summary>
    public required string Period { get; set; }
    public long? PersonId { get; set; }
    public long? PostId { get; set; }
    public required string Title { get; set; }

    /// <summary>The product's unit of measure (văn bản, hồ sơ, …).</summary>
    public required string UnitOfMeasure { get; set; }
    public decimal Quantity { get; set; }
    public decimal ConversionFactor { get; set; } = 1m;
    public DateOnly Deadline { get; set; }
    public required string QualityRequirement { get; set; }
}
