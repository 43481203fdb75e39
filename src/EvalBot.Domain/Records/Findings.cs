namespace EvalBot.Domain.Records;

/// <summary>A competent-authority finding of degradation or "self-evolution"; it forces KHT in every rule-set.</summary>
/// <param name="Date">Date of the conclusion.</param>
/// <param name="Reference">The document that states it.</param>
public sealed record DegradationFinding(DateOnly Date, string Reference);

/// <summary>A temporary suspension from work (tạm đình chỉ công tác); a KHT ground for civil servants (Decree 170).</summary>
/// <param name="Date">Start date of the suspension.</param>
/// <param name="Reference">The suspension decision.</param>
public sealed record Suspension(DateOnly Date, string Reference);
