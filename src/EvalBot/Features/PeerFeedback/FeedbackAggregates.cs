using System.Globalization;
using EvalBot.Persistence;
using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EvalBot.Features.PeerFeedback;

/// <summary>
/// The only way peer answers leave the feature: aggregates a viewer may see, under the rule of
/// <see cref="FeedbackCells"/>, or null. Other features (summaries, dossiers, exports) use this and nothing else.
/// </summary>
public sealed class FeedbackAggregates(EvalBotDbContext db, FeedbackRepository repository, IOptions<PeerFeedbackOptions> options, IOptions<CheckInOptions> checkIns)
{
    /// <summary>
    /// Feedback about a person for a period (<c>2026-Q1</c>, <c>2026-03</c>) or a year (<c>2026</c>), as
    /// <paramref name="viewerPersonId"/> may see it: null when the viewer may not see this person (only the person, their
    /// direct leader, the head of their unit and the organisation board may), or when no closed period has k answers.
    /// </summary>
    public async Task<FeedbackAggregate?> ForPersonAsync(long personId, string scope, long viewerPersonId, CancellationToken cancellationToken)
    {
        var subject = await repository.PersonAsync(personId, cancellationToken);
        var viewer = await repository.PersonAsync(viewerPersonId, cancellationToken);
        if (subject is null || viewer is null || !await repository.MayViewAsync(viewer, subject, cancellationToken))
        {
            return null;
        }

        var periods = await ClosedPeriodsAsync(scope, cancellationToken);
        var answered = await db.Set<FeedbackRequest>().AsNoTracking()
            .Where(r => r.SubjectPersonId == personId && periods.Contains(r.Period) && r.Status == FeedbackStatus.Answered)
            .ToListAsync(cancellationToken);
        var key = string.Create(CultureInfo.InvariantCulture, $"feedback|{personId}|{scope}");
        return Build(scope, answered, viewerPersonId, key, withComments: true);
    }

    /// <summary>Closed periods of the scope: itself when it is a period, every period of the year when it is a year.</summary>
    public async Task<List<string>> ClosedPeriodsAsync(string scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var now = repository.Now;
        var prefix = scope.Length == 4 && int.TryParse(scope, NumberStyles.None, CultureInfo.InvariantCulture, out _) ? scope + "-" : null;
        if (prefix is null && !PeriodKey.IsValid(scope))
        {
            return [];
        }

        var campaigns = await db.CheckInCampaigns.AsNoTracking()
            .Where(c => prefix == null ? c.Period == scope : c.Period.StartsWith(prefix))
            .ToListAsync(cancellationToken);
        return [.. campaigns.Where(c => FeedbackRepository.IsClosed(c, now)).Select(c => c.Period).Order(StringComparer.Ordinal)];
    }

    private FeedbackAggregate? Build(string scope, List<FeedbackRequest> answered, long viewerId, string key, bool withComments)
    {
        var k = options.Value.MinAnswers;
        var cells = FeedbackCells.Released(answered, viewerId, k);
        if (cells.Count == 0)
        {
            return null;
        }

        return new FeedbackAggregate(
            scope,
            [.. cells.Select(c => c.Period).Distinct().Order(StringComparer.Ordinal)],
            cells.Sum(c => c.Answers.Count),
            FeedbackCells.Criteria(cells, checkIns.Value.GeneralCriteria, viewerId, k),
            withComments ? FeedbackCells.Comments(cells, a => a.Strengths, key + "|s") : [],
            withComments ? FeedbackCells.Comments(cells, a => a.Improvements, key + "|i") : []);
    }
}
