using EvalBot.Domain.RuleSets;

namespace EvalBot.Domain.Tracks;

/// <summary>
/// Rules 2–3: the state rating is the input of the Party rating, so the Party rating for a year waits for a final
/// state rating; a person is rated once per track and year, at the highest post. Tested by rule; the host does not
/// call it yet: the Party track (Regulation 366) finalises its ratings through it.
/// </summary>
public static class TrackRules
{
    /// <summary>Decides whether <paramref name="candidate"/> may be finalised given the ratings already final.</summary>
    /// <param name="candidate">The rating to finalise.</param>
    /// <param name="existing">Final ratings on record.</param>
    /// <param name="hasStateTrack">False for Party members outside the political system, who have no state rating.</param>
    public static TrackDecision CanFinalise(FinalRating candidate, IReadOnlyCollection<FinalRating> existing, bool hasStateTrack = true)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(existing);
        var same = existing.Where(e => e.PersonId == candidate.PersonId && e.Year == candidate.Year).ToList();
        var year = Fmt.Raw(candidate.Year);
        if (same.Any(e => e.Track == candidate.Track))
        {
            return new TrackDecision(false,
                $"Đã có kết quả xếp loại chính thức của {candidate.PersonId} năm {year} theo cùng hệ thống; mỗi người chỉ được xếp loại một lần, theo chức vụ cao nhất.",
                $"{candidate.PersonId} already has a final rating for {year} on this track; a person is rated once, at the highest post.");
        }

        if (candidate.Track == Track.Party && hasStateTrack && !same.Any(e => e.Track == Track.State))
        {
            return new TrackDecision(false,
                $"Chưa có kết quả xếp loại cán bộ, công chức, viên chức năm {year}; phải hoàn tất trước khi xếp loại đảng viên.",
                $"The state rating for {year} is not final yet; it must be final before the Party-member rating.");
        }

        return new TrackDecision(true, "Được phép hoàn tất.", "May be finalised.");
    }

    /// <summary>The post a person with several posts is rated at: the highest rank, then the smallest id for ties.</summary>
    public static Post HighestPost(IReadOnlyList<Post> posts)
    {
        ArgumentNullException.ThrowIfNull(posts);
        if (posts.Count == 0) throw new ArgumentException("At least one post is required.", nameof(posts));
        return posts.OrderByDescending(p => p.Rank).ThenBy(p => p.Id, StringComparer.Ordinal).First();
    }
}
