using EvalBot.Persistence;
using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Features.Summaries;

/// <summary>
/// Where a unit's people stand for a reporting period: who has submitted, who has only a draft, how many are confirmed.
/// The unit card and its remind button read it the same way, so the button reminds exactly the people the card lists.
/// </summary>
internal sealed record UnitReporting(CheckInCampaign? Campaign, HashSet<long> Reported, HashSet<long> Started, int Confirmed)
{
    /// <summary>The newest period opened by <paramref name="now"/>, for the people given.</summary>
    public static async Task<UnitReporting> LatestAsync(EvalBotDbContext db, IReadOnlyCollection<long> people, DateTimeOffset now, CancellationToken ct)
    {
        var campaign = (await db.CheckInCampaigns.AsNoTracking().Where(c => c.OpenedAt <= now).ToListAsync(ct))
            .OrderByDescending(c => c.Period, StringComparer.Ordinal).FirstOrDefault();
        return await ForAsync(db, campaign, people, ct);
    }

    /// <summary>The named period's campaign (null when it was never opened), for the people given.</summary>
    public static async Task<UnitReporting> OfAsync(EvalBotDbContext db, string period, IReadOnlyCollection<long> people, CancellationToken ct) =>
        await ForAsync(db, await db.CheckInCampaigns.AsNoTracking().SingleOrDefaultAsync(c => c.Period == period, ct), people, ct);

    private static async Task<UnitReporting> ForAsync(EvalBotDbContext db, CheckInCampaign? campaign, IReadOnlyCollection<long> people, CancellationToken ct)
    {
        if (campaign is null) return new UnitReporting(null, [], [], 0);
        var statuses = await db.CheckInReports.AsNoTracking()
            .Where(r => r.Period == campaign.Period && r.IsCurrent && people.Contains(r.PersonId))
            .Select(r => new { r.PersonId, r.Status }).ToListAsync(ct);
        return new UnitReporting(
            campaign,
            statuses.Where(s => s.Status != CheckInStatus.Draft).Select(s => s.PersonId).ToHashSet(),
            statuses.Select(s => s.PersonId).ToHashSet(),
            statuses.Count(s => s.Status is CheckInStatus.Confirmed or CheckInStatus.Adjusted));
    }

    /// <summary>The people given who have not submitted a report for the period (none when no period is open yet).</summary>
    public List<T> Missing<T>(IEnumerable<T> people, Func<T, long> id) => Campaign is null ? [] : [.. people.Where(p => !Reported.Contains(id(p)))];

    /// <summary>A leader of the unit: the head of it or of a unit above it (the organisation board is not, by that alone).</summary>
    public static bool Leads(OrgTree tree, long unitId, Person viewer) => tree.Ancestors(unitId).Any(u => u.HeadPersonId == viewer.Id);
}
