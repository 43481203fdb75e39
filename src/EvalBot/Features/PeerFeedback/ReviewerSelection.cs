using System.Globalization;

namespace EvalBot.Features.PeerFeedback;

/// <summary>A person as the selection sees them.</summary>
/// <param name="CanReview">Active, reachable in Teams and not on leave: may be asked.</param>
/// <param name="IsSubject">Active and not on leave for the whole period: is reviewed.</param>
/// <param name="Wanted">K for this person's unit.</param>
public sealed record SelectionCandidate(long Id, long UnitId, long? GroupId, long? ManagerId, long? UnitHeadId, bool IsLeader, bool CanReview, bool IsSubject, int Wanted);

/// <summary>One reviewer asked about one subject; relation <c>peer</c>, <c>upward</c> or <c>added</c>.</summary>
public sealed record ReviewerAssignment(long SubjectId, long ReviewerId, string Relation);

/// <summary>
/// Chooses who reviews whom for a period. Pure and deterministic: the same people, period and existing requests give
/// the same answer, so a re-run adds nothing. Peers come from the subject's unit and group of similar tasks (the whole
/// unit when the group has fewer than K eligible people); leaders also get up to K of their direct reports. Nobody
/// reviews themselves, their direct report's leader does not review them (the leader judges in the check-in review
/// and must not be able to subtract their own answer from an aggregate they see), and no reviewer gets more than M.
/// Load is spread greedily: subjects with the fewest possible reviewers first, then least-loaded reviewers first,
/// ties broken by a hash of period, subject and reviewer.
/// </summary>
public static class ReviewerSelection
{
    public const string Peer = "peer";
    public const string Upward = "upward";
    public const string Added = "added";

    /// <summary>An earlier request that was replaced: that reviewer is not asked again about that subject and carries no load.</summary>
    public const string Replaced = "replaced";

    public static IReadOnlyList<ReviewerAssignment> Select(
        string period, IReadOnlyList<SelectionCandidate> people, IReadOnlyCollection<ReviewerAssignment> existing, int maxPerReviewer, bool upward)
    {
        ArgumentNullException.ThrowIfNull(people);
        ArgumentNullException.ThrowIfNull(existing);
        var load = existing.Where(a => a.Relation != Replaced).GroupBy(a => a.ReviewerId).ToDictionary(g => g.Key, g => g.Count());
        var assigned = existing.GroupBy(a => a.SubjectId).ToDictionary(g => g.Key, g => g.ToList());
        var added = new List<ReviewerAssignment>();
        var subjects = people.Where(p => p.IsSubject)
            .OrderBy(s => PeerPool(s, people).Count)
            .ThenBy(s => Tie(period, s.Id))
            .ToList();
        foreach (var subject in subjects)
        {
            var mine = assigned.GetValueOrDefault(subject.Id) ?? [];
            var taken = mine.Select(a => a.ReviewerId).ToHashSet();
            if (upward && subject.IsLeader)
            {
                var reports = people.Where(p => p.CanReview && p.ManagerId == subject.Id && p.Id != subject.Id && !taken.Contains(p.Id));
                var want = subject.Wanted - mine.Count(a => a.Relation == Upward);
                Choose(period, subject, reports, want, Upward);
            }

            var peersWanted = subject.Wanted - mine.Count(a => a.Relation is not Upward and not Replaced);
            Choose(period, subject, PeerPool(subject, people).Where(p => !taken.Contains(p.Id)), peersWanted, Peer);

            void Choose(string p, SelectionCandidate s, IEnumerable<SelectionCandidate> pool, int want, string relation)
            {
                var picked = pool
                    .Where(r => load.GetValueOrDefault(r.Id) < maxPerReviewer)
                    .OrderBy(r => r.GroupId == s.GroupId && s.GroupId is not null ? 0 : 1)
                    .ThenBy(r => load.GetValueOrDefault(r.Id))
                    .ThenBy(r => Tie(p, s.Id, r.Id))
                    .Take(Math.Max(0, want))
                    .ToList();
                foreach (var reviewer in picked)
                {
                    load[reviewer.Id] = load.GetValueOrDefault(reviewer.Id) + 1;
                    taken.Add(reviewer.Id);
                    added.Add(new ReviewerAssignment(s.Id, reviewer.Id, relation));
                }
            }
        }

        return added;
    }

    /// <summary>Who may review the subject as a peer: the group when it has K eligible people, else the unit.</summary>
    public static IReadOnlyList<SelectionCandidate> PeerPool(SelectionCandidate subject, IReadOnlyList<SelectionCandidate> people)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(people);
        var unit = people.Where(p => p.CanReview && p.UnitId == subject.UnitId && MayReview(p, subject)).ToList();
        var group = subject.GroupId is null ? [] : unit.Where(p => p.GroupId == subject.GroupId).ToList();
        return group.Count >= subject.Wanted ? group : unit;
    }

    /// <summary>Not themselves, not their direct leader, not the head of their unit.</summary>
    public static bool MayReview(SelectionCandidate reviewer, SelectionCandidate subject)
    {
        ArgumentNullException.ThrowIfNull(reviewer);
        ArgumentNullException.ThrowIfNull(subject);
        return reviewer.Id != subject.Id && reviewer.Id != subject.ManagerId && reviewer.Id != subject.UnitHeadId;
    }

    private static ulong Tie(string period, params long[] ids) =>
        StableHash.Of([period, .. ids.Select(i => i.ToString(CultureInfo.InvariantCulture))]);
}
