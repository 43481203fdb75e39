namespace EvalBot.Domain.Records;

/// <summary>What was delivered against one assigned product in one period.</summary>
/// <param name="Product">The assignment.</param>
/// <param name="Done">Quantity completed.</param>
/// <param name="QualityPassed">Quantity completed that met the quality requirement.</param>
/// <param name="OnTime">Quantity completed on time or early.</param>
/// <param name="FailedQualityChecks">Each failed check for a major content error deducts a share of the quality points.</param>
/// <param name="Delays">Each delay deducts a share of the progress points.</param>
/// <param name="Exemption">An objective cause confirmed by the competent authority, which waives the deductions.</param>
public sealed record ProductReport(
    AssignedProduct Product,
    decimal Done,
    decimal QualityPassed,
    decimal OnTime,
    int FailedQualityChecks = 0,
    int Delays = 0,
    ObjectiveCauseExemption? Exemption = null);

/// <summary>
/// "Objective cause confirmed by competent authority": it only counts with an approver and a document,
/// so an exemption can always be traced in an appeal.
/// </summary>
/// <param name="Approver">Who confirmed the cause.</param>
/// <param name="DocumentRef">The attached document (number or file reference).</param>
public sealed record ObjectiveCauseExemption(string Approver, string DocumentRef)
{
    /// <summary>True only when both the approver and the document are recorded.</summary>
    public bool IsValid => !string.IsNullOrWhiteSpace(Approver) && !string.IsNullOrWhiteSpace(DocumentRef);
}
