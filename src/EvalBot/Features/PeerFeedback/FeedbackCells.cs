using EvalBot.Persistence.Entities;

namespace EvalBot.Features.PeerFeedback;

/// <summary>
/// The anonymity rule, in one place. The answers about one person in one closed period form a cell. A cell is
/// released to a viewer only when it holds at least k answers from people other than that viewer; a criterion of a
/// cell only when at least k of those rated it. Every view (a period, a year, a group, a unit) is the union of
/// released cells only, so any two views differ by whole released cells: by nothing or by at least k answers, never
/// by one. Answers are final once the period closes, and nothing is shown before, so a view cannot change under
/// anyone's eyes either.
/// </summary>
public static class FeedbackCells
{
    public sealed record Cell(long SubjectId, string Period, IReadOnlyList<FeedbackRequest> Answers);

    public static IReadOnlyList<Cell> Released(IEnumerable<FeedbackRequest> answered, long viewerId, int k)
    {
        ArgumentNullException.ThrowIfNull(answered);
        return [.. answered.Where(a => a.Status == FeedbackStatus.Answered)
            .GroupBy(a => (a.SubjectPersonId, a.Period))
            .Where(g => g.Count(a => a.ReviewerPersonId != viewerId) >= k)
            .OrderBy(g => g.Key.Period, StringComparer.Ordinal).ThenBy(g => g.Key.SubjectPersonId)
            .Select(g => new Cell(g.Key.SubjectPersonId, g.Key.Period, [.. g]))];
    }

    /// <summary>Per criterion: the ratings of released cells where at least k others rated it.</summary>
    public static List<CriterionAggregate> Criteria(IReadOnlyList<Cell> cells, IEnumerable<GeneralCriterion> criteria, long viewerId, int k)
    {
        ArgumentNullException.ThrowIfNull(cells);
        ArgumentNullException.ThrowIfNull(criteria);
        var result = new List<CriterionAggregate>();
        foreach (var criterion in criteria)
        {
            var ratings = new List<int>();
            foreach (var cell in cells)
            {
                var rated = cell.Answers.Select(a => (a.ReviewerPersonId, Rating: FeedbackForm.Stored(a.RatingsJson).GetValueOrDefault(criterion.Id)))
                    .Where(r => r.Rating is not null).ToList();
                if (rated.Count(r => r.ReviewerPersonId != viewerId) >= k)
                {
                    ratings.AddRange(rated.Select(r => r.Rating!.Value));
                }
            }

            var mean = ratings.Count == 0 ? (decimal?)null : Math.Round((decimal)ratings.Sum() / ratings.Count, 1, MidpointRounding.AwayFromZero);
            result.Add(new CriterionAggregate(criterion.Id, criterion.NameVi, criterion.NameEn, ratings.Count, mean, FeedbackForm.ScaleMax));
        }

        return result;
    }

    /// <summary>Comments of released cells, ordered by a keyed hash of their text: not by author, submission or time.</summary>
    public static List<string> Comments(IReadOnlyList<Cell> cells, Func<FeedbackRequest, string?> pick, string key)
    {
        ArgumentNullException.ThrowIfNull(cells);
        ArgumentNullException.ThrowIfNull(pick);
        return [.. cells.SelectMany(c => c.Answers).Select(pick).OfType<string>().Where(t => t.Length > 0)
            .OrderBy(t => StableHash.Keyed(key, t), StringComparer.Ordinal).ThenBy(t => t, StringComparer.Ordinal)];
    }
}
