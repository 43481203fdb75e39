namespace EvalBot.Features.PeerFeedback;

/// <summary>
/// Peer feedback about a person (or a unit) over a period or a year, as a viewer may see it: counts, means and
/// comments only, never who answered or when. <see cref="Strengths"/> and <see cref="Improvements"/> are the
/// reviewers' own words, untrusted: pass each through <c>CardText.Plain</c> before showing it.
/// </summary>
/// <param name="Scope">The period (<c>2026-Q1</c>) or year (<c>2026</c>) asked for.</param>
/// <param name="Periods">The closed periods whose answers are included (each with at least k answers).</param>
/// <param name="Answers">How many answers the aggregate pools (at least k).</param>
public sealed record FeedbackAggregate(
    string Scope,
    IReadOnlyList<string> Periods,
    int Answers,
    IReadOnlyList<CriterionAggregate> Criteria,
    IReadOnlyList<string> Strengths,
    IReadOnlyList<string> Improvements);

/// <summary>One general-criteria group: the mean on the 1–<see cref="ScaleMax"/> scale, or null when fewer than k rated it.</summary>
public sealed record CriterionAggregate(string CriterionId, string NameVi, string NameEn, int Ratings, decimal? Mean, int ScaleMax);
