using EvalBot.Domain.Review;

namespace EvalBot.Domain.RuleSets;

/// <summary>
/// Rule 23: the steps of the state track's annual review, in order, as rule-set data. The decision step is in each list;
/// the steps before it must all carry timestamps, in this order, before the rating may be decided.
/// </summary>
/// <param name="Leaders">Heads and deputy heads (ND90_48: self-assessment → meeting → party-committee comment → advisory proposal → decision → notice).</param>
/// <param name="NonLeaders">Everyone else (ND90_48: self-assessment → meeting → decision → notice).</param>
public sealed record ProcedureSettings(IReadOnlyList<ReviewStep> Leaders, IReadOnlyList<ReviewStep> NonLeaders)
{
    /// <summary>The steps for a leader or a non-leader.</summary>
    public IReadOnlyList<ReviewStep> For(bool isLeader) => isLeader ? Leaders : NonLeaders;

    /// <summary>Decree 90/48 Art. 17–19.</summary>
    public static ProcedureSettings Nd90 { get; } = new(
        [ReviewStep.SelfAssessment, ReviewStep.Meeting, ReviewStep.PartyCommitteeComment, ReviewStep.AdvisoryProposal, ReviewStep.Decision, ReviewStep.Notice],
        [ReviewStep.SelfAssessment, ReviewStep.Meeting, ReviewStep.Decision, ReviewStep.Notice]);

    /// <summary>Decree 335: the period monitoring records, then the annual self-assessment, the decision and the notice.</summary>
    public static ProcedureSettings Nd335 { get; } = new(
        [ReviewStep.MonitoringRecords, ReviewStep.SelfAssessment, ReviewStep.Decision, ReviewStep.Notice],
        [ReviewStep.MonitoringRecords, ReviewStep.SelfAssessment, ReviewStep.Decision, ReviewStep.Notice]);
}
