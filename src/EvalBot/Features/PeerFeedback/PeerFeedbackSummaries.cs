using System.Globalization;
using SummaryAggregate = EvalBot.Core.FeedbackSummary;

namespace EvalBot.Features.PeerFeedback;

/// <summary>
/// Gives summaries and dossiers the peer-feedback aggregate of a person's year exactly as <c>feedback.view</c> shows it
/// to the same viewer (one rule, <see cref="FeedbackAggregates.ForPersonAsync"/>): only released cells, with at least k
/// answers from people other than the viewer, criteria means only, never a comment or an answer.
/// </summary>
public sealed class PeerFeedbackSummaries(FeedbackAggregates aggregates) : IFeedbackSummaries
{
    public async Task<SummaryAggregate?> ForPersonAsync(long personId, long viewerPersonId, int year, string language, CancellationToken cancellationToken)
    {
        var aggregate = await aggregates.ForPersonAsync(personId, year.ToString(CultureInfo.InvariantCulture), viewerPersonId, cancellationToken);
        if (aggregate is null)
        {
            return null;
        }

        var criteria = aggregate.Criteria
            .Where(c => c.Mean is not null)
            .Select(c => (language == "en" ? c.NameEn : c.NameVi, c.Mean!.Value))
            .ToList();
        return criteria.Count == 0 ? null : new SummaryAggregate(aggregate.Answers, criteria, []);
    }
}
