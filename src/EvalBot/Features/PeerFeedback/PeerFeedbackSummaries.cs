using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SummaryAggregate = EvalBot.Core.FeedbackSummary;

namespace EvalBot.Features.PeerFeedback;

/// <summary>
/// Gives summaries and dossiers the peer-feedback aggregate of a person's year exactly as <c>feedback.view</c> shows it
/// to the same viewer (one rule, <see cref="FeedbackAggregates.ForPersonAsync"/>): only released cells, with at least k
/// answers from people other than the viewer, criteria means only, never a comment or an answer.
/// </summary>
public sealed class PeerFeedbackSummaries(FeedbackAggregates aggregates, EvalBot.Persistence.EvalBotDbContext db) : IFeedbackSummaries
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

    public async Task<IReadOnlyList<object>> ReceivedByAsync(long personId, CancellationToken cancellationToken)
    {
        var periods = await db.Set<Persistence.Entities.FeedbackRequest>().AsNoTracking().Where(r => r.SubjectPersonId == personId)
            .Select(r => r.Period).Distinct().ToListAsync(cancellationToken);
        var result = new List<object>();
        foreach (var year in periods.Select(PeriodKey.YearText).Where(y => y.Length == 4).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            // Seen as the person sees it: only closed periods with at least k answers, never an individual answer.
            if (await aggregates.ForPersonAsync(personId, year, personId, cancellationToken) is { } aggregate)
            {
                result.Add(aggregate);
            }
        }

        return result;
    }
}
