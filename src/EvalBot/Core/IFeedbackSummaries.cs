namespace EvalBot.Core;

/// <summary>Aggregated peer feedback on one person for a year, already above the anonymity threshold.</summary>
/// <param name="Answers">How many answers were aggregated.</param>
/// <param name="Criteria">Mean rating per criterion, with the criterion's name in the requested language.</param>
/// <param name="Themes">Short aggregated themes (never a single answer's text).</param>
public sealed record FeedbackSummary(int Answers, IReadOnlyList<(string Criterion, decimal Mean)> Criteria, IReadOnlyList<string> Themes);

/// <summary>
/// The seam for the peer-feedback feature: when it registers an implementation, person summaries and dossiers show its
/// aggregates; with none registered the feedback section is left out entirely. Implementations must return null below
/// the anonymity threshold (k answers), computed for the viewer: the viewer's own answers never count toward k, so a
/// summary never reveals an individual answer, not even to someone who can subtract their own.
/// </summary>
public interface IFeedbackSummaries
{
    Task<FeedbackSummary?> ForPersonAsync(long personId, long viewerPersonId, int year, string language, CancellationToken cancellationToken);

    /// <summary>
    /// The feedback received by a person, year by year, as the person themselves may see it (released aggregates only,
    /// never an individual answer): their part of a subject-access export.
    /// </summary>
    Task<IReadOnlyList<object>> ReceivedByAsync(long personId, CancellationToken cancellationToken);
}
