using System.Globalization;

namespace EvalBot.Domain.Review;

/// <summary>A step of the state track's annual review (rule 23); which steps apply, and their order, is rule-set data.</summary>
public enum ReviewStep
{
    /// <summary>ND335: the year's period monitoring records (confirmed months or quarters).</summary>
    MonitoringRecords = 0,

    /// <summary>The annual self-assessment on the rule-set's form.</summary>
    SelfAssessment = 1,

    /// <summary>The unit's comment meeting, its minutes approved at the meeting.</summary>
    Meeting = 2,

    /// <summary>The comment of the party committee where the leader works (Decree 90, leaders).</summary>
    PartyCommitteeComment = 3,

    /// <summary>The personnel advisory unit's proposal of content and level (Decree 90, leaders).</summary>
    AdvisoryProposal = 4,

    /// <summary>The competent authority's decision.</summary>
    Decision = 5,

    /// <summary>The written notice and the publication in the unit.</summary>
    Notice = 6,
}

/// <summary>Why a step may not be taken yet: the rule, and what must happen first, in both languages.</summary>
/// <param name="RuleId">The rule of domain-rules §10 (R20, R23, R24, R37).</param>
/// <param name="TextVi">What must happen first, in Vietnamese.</param>
/// <param name="TextEn">The same in English.</param>
public sealed record ReviewRefusal(string RuleId, string TextVi, string TextEn);

/// <summary>
/// Rule 23: a rating reaches "decided" only when every step its rule-set puts before the decision has a timestamp, and the
/// timestamps are in the rule-set's order. The answer names the first step missing or out of order.
/// </summary>
public static class ReviewProcedure
{
    /// <summary>Null when the decision may be taken at <paramref name="decidingAt"/>; else the first step missing or out of order.</summary>
    /// <param name="steps">The rule-set's steps for the person, in order (<see cref="RuleSets.ProcedureSettings.For"/>).</param>
    /// <param name="done">When each step was taken; a step absent from it is not taken.</param>
    /// <param name="decidingAt">The time of the decision.</param>
    public static ReviewRefusal? MayDecide(IReadOnlyList<ReviewStep> steps, IReadOnlyDictionary<ReviewStep, DateTimeOffset> done, DateTimeOffset decidingAt)
    {
        ArgumentNullException.ThrowIfNull(steps);
        ArgumentNullException.ThrowIfNull(done);
        ReviewStep? previous = null;
        DateTimeOffset previousAt = DateTimeOffset.MinValue;
        foreach (var step in steps.TakeWhile(s => s != ReviewStep.Decision))
        {
            if (!done.TryGetValue(step, out var at)) return Missing(step);
            if (previous is { } before && at < previousAt) return OutOfOrder(step, at, before, previousAt);
            if (at > decidingAt) return OutOfOrder(ReviewStep.Decision, decidingAt, step, at);
            previous = step;
            previousAt = at;
        }

        return null;
    }

    /// <summary>The steps before the decision that are not taken yet, in order (for the decision card's checklist).</summary>
    public static IReadOnlyList<ReviewStep> Pending(IReadOnlyList<ReviewStep> steps, IReadOnlyDictionary<ReviewStep, DateTimeOffset> done)
    {
        ArgumentNullException.ThrowIfNull(steps);
        ArgumentNullException.ThrowIfNull(done);
        return [.. steps.TakeWhile(s => s != ReviewStep.Decision).Where(s => !done.ContainsKey(s))];
    }

    /// <summary>The refusal for a step that has no timestamp.</summary>
    public static ReviewRefusal Missing(ReviewStep step) =>
        new("R23", $"Chưa có bước \"{NameVi(step)}\"; các bước phải làm đúng thứ tự trước khi quyết định.",
            $"The step \"{NameEn(step)}\" is missing; the steps come in order before the decision.");

    private static ReviewRefusal OutOfOrder(ReviewStep step, DateTimeOffset at, ReviewStep before, DateTimeOffset beforeAt) =>
        new("R23", $"Bước \"{NameVi(step)}\" ({Day(at, "dd/MM/yyyy HH:mm")}) trước bước \"{NameVi(before)}\" ({Day(beforeAt, "dd/MM/yyyy HH:mm")}); các bước phải làm đúng thứ tự.",
            $"The step \"{NameEn(step)}\" ({Day(at, "yyyy-MM-dd HH:mm")}) is before \"{NameEn(before)}\" ({Day(beforeAt, "yyyy-MM-dd HH:mm")}); the steps come in order.");

    /// <summary>The step's name in Vietnamese.</summary>
    public static string NameVi(ReviewStep step) => step switch
    {
        ReviewStep.MonitoringRecords => "theo dõi, đánh giá theo kỳ",
        ReviewStep.SelfAssessment => "tự đánh giá",
        ReviewStep.Meeting => "họp nhận xét, biên bản được thông qua",
        ReviewStep.PartyCommitteeComment => "nhận xét của cấp ủy nơi công tác",
        ReviewStep.AdvisoryProposal => "đề xuất của cơ quan tham mưu tổ chức cán bộ",
        ReviewStep.Decision => "quyết định",
        _ => "thông báo kết quả",
    };

    /// <summary>The step's name in English.</summary>
    public static string NameEn(ReviewStep step) => step switch
    {
        ReviewStep.MonitoringRecords => "period monitoring records",
        ReviewStep.SelfAssessment => "self-assessment",
        ReviewStep.Meeting => "comment meeting with approved minutes",
        ReviewStep.PartyCommitteeComment => "workplace party-committee comment",
        ReviewStep.AdvisoryProposal => "personnel advisory proposal",
        ReviewStep.Decision => "decision",
        _ => "notice of the result",
    };

    private static string Day(DateTimeOffset at, string format) => at.ToString(format, CultureInfo.InvariantCulture);
}
