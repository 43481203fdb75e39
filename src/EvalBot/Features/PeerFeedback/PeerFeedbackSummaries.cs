using System.Globalization;
using EvalBot.Features.Summaries;
using SummaryAggregate = EvalBot.Features.Summaries.FeedbackAggregate;

namespace EvalBot.Features.PeerFeedback;

/// <summary>
/// Gives leaders' summaries and dossiers the peer-feedback aggregate of a person's year, exactly as the person
/// would see it: only released periods with at least k answers, criteria means only, never a comment or an answer.
/// The summary has already checked that the viewer may see this person.
/// </summary>
public sealed class PeerFeedbackSummaries(FeedbackAggregates aggregates) : IFeedbackSummaries
{
    public async Task<SummaryAggregate?> ForPersonAsync(long personId, int year, string language, CancellationToken cancellationToken)
    {
        var aggregate = await aggregates.ForPersonAsync(personId, year.ToString(CultureInfo.InvariantCulture), personId, cancellationToken);
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
