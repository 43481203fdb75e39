using EvalBot.Persistence.Entities;

namespace EvalBot.Features.CheckIns;

/// <summary>
/// Builds a turn's <see cref="CheckInView"/>: the criteria, the general points and the period score computed once, from
/// what the turn already holds (the criteria it checked the input against, the points it validated before storing them)
/// so that nothing is worked out or parsed a second time.
/// </summary>
public sealed class CheckInViews(CheckInScoring scoring)
{
    /// <summary>The general criteria of the person's score sheet or, without one, of the context's rule-set, each with its maximum; none without a rule-set.</summary>
    public IReadOnlyList<(GeneralCriterion Criterion, decimal Max)> Criteria(CheckInContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.RuleSet is null ? [] : scoring.Criteria(context.RuleSet, context.Sheet);
    }

    /// <summary>The view of the report as stored, at <paramref name="now"/>.</summary>
    public CheckInView Of(CheckInContext context, DateTimeOffset now) => Of(context, now, Criteria(context));

    /// <summary>
    /// The view at <paramref name="now"/> with the context's <paramref name="criteria"/> and, when the turn has them as
    /// numbers already, the general points it has just stored: <paramref name="reported"/> as written to the report's
    /// <c>GeneralJson</c>, <paramref name="counted"/> as written to its <c>ConfirmedGeneralJson</c>. What is not given is
    /// read from the report.
    /// </summary>
    public CheckInView Of(
        CheckInContext context,
        DateTimeOffset now,
        IReadOnlyList<(GeneralCriterion Criterion, decimal Max)> criteria,
        IReadOnlyDictionary<string, decimal>? reported = null,
        IReadOnlyDictionary<string, decimal>? counted = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(criteria);
        var report = context.Report;
        reported ??= GeneralScores.Parse(report?.GeneralJson);
        counted ??= report?.ConfirmedGeneralJson is { } confirmed ? GeneralScores.Parse(confirmed) : reported;
        var score = report is null || context.RuleSet is null
            ? null
            : scoring.Score(context.Person, context.Unit, context.Period, [.. context.Targets.Select(t => (t, context.LineFor(t.Id) ?? new CheckInLine { TargetId = t.Id }))], counted, context.RuleSet, criteria);
        return new CheckInView(context, criteria, reported, counted, score, context.IsOpenAt(now));
    }
}
