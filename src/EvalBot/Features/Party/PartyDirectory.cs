using EvalBot.Domain.Tracks;
using EvalBot.Persistence;
using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EvalBot.Features.Party;

/// <summary>One Party rating with what it is about: the member or the collective, its organisation, its name.</summary>
public sealed record PartySubject(PartyRating Rating, Person? Member, PartyCollective? Collective, PartyOrganisation Organisation)
{
    public string Name => Member?.FullName ?? Collective?.Name ?? "";

    /// <summary>Who self-rates: the member, or the collective's head.</summary>
    public long SelfRaterId => Member?.Id ?? Collective!.HeadPersonId;
}

/// <summary>
/// Who takes each step of a Party rating, read from the imported Party organisations, and the order rules' view of it.
/// The advisory body and the competent level are those of the rating's organisation, else of the nearest organisation
/// above that names one; nobody verifies or decides a rating they self-rated (their own, or a collective they head):
/// it goes one level up. When no organisation names anyone, the organisation board does (null).
/// </summary>
public sealed class PartyDirectory(EvalBotDbContext db, IOptions<PartyOptions> options, OrganisationClock clock, TimeProvider time)
{
    private Dictionary<long, PartyOrganisation>? _organisations;

    public async Task<PartySubject?> SubjectAsync(long ratingId, CancellationToken ct)
    {
        var rating = await db.PartyRatings.SingleOrDefaultAsync(r => r.Id == ratingId, ct);
        return rating is null ? null : await SubjectAsync(rating, ct);
    }

    public async Task<PartySubject> SubjectAsync(PartyRating rating, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(rating);
        var organisations = await OrganisationsAsync(ct);
        var member = rating.PersonId is { } p ? await db.People.SingleAsync(x => x.Id == p, ct) : null;
        var collective = rating.CollectiveId is { } c ? await db.PartyCollectives.SingleAsync(x => x.Id == c, ct) : null;
        return new PartySubject(rating, member, collective, organisations[rating.PartyOrganisationId]);
    }

    /// <summary>The advisory body's person for the subject (step 2), or null for the organisation board.</summary>
    public async Task<long?> VerifierAsync(PartySubject subject, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(subject);
        return Up(await OrganisationsAsync(ct), subject.Organisation, o => o.AdvisoryPersonId, subject.SelfRaterId);
    }

    /// <summary>The competent level's person for the subject (step 3), or null for the organisation board.</summary>
    public async Task<long?> DeciderAsync(PartySubject subject, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(subject);
        return Up(await OrganisationsAsync(ct), subject.Organisation, o => o.CompetentPersonId, subject.SelfRaterId);
    }

    /// <summary>
    /// The day the subject's rating is due (rule 27): <see cref="PartyOptions.SpecialDeadline"/> when its organisation or
    /// one above it is a special unit, else <see cref="PartyOptions.Deadline"/>.
    /// </summary>
    public Task<DateOnly> DeadlineAsync(PartySubject subject, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(subject);
        return DeadlineAsync(subject.Rating, ct);
    }

    /// <summary>The day <paramref name="rating"/> is due, from its organisation alone (no subject to load).</summary>
    public async Task<DateOnly> DeadlineAsync(PartyRating rating, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(rating);
        var organisations = await OrganisationsAsync(ct);
        var special = false;
        var seen = new HashSet<long>();
        for (var o = organisations.GetValueOrDefault(rating.PartyOrganisationId); o is not null && seen.Add(o.Id); o = o.ParentId is { } parent ? organisations.GetValueOrDefault(parent) : null)
        {
            special |= o.IsSpecial;
        }

        return options.Value.DeadlineOf(rating.Year, special);
    }

    /// <summary>Whether <paramref name="me"/> takes the step: the named person, or a board member where nobody is named.</summary>
    public static bool Takes(Person me, long? responsible, PartySubject subject)
    {
        ArgumentNullException.ThrowIfNull(me);
        ArgumentNullException.ThrowIfNull(subject);
        return me.Id != subject.SelfRaterId && (responsible is { } id ? id == me.Id : me.IsOrganisationBoard);
    }

    /// <summary>What the order rules read (rules 2, 31, 32, 33) for the subject's rating now.</summary>
    public async Task<PartyCase> CaseAsync(PartySubject subject, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var rating = subject.Rating;
        var complaints = await db.PartyComplaints.CountAsync(c => c.RatingId == rating.Id && c.RecheckedAt == null, ct);
        var step = rating.Step == PartyRatingStep.Superseded ? PartyStep.Decided : (PartyStep)(int)rating.Step;
        if (subject.Collective is { } collective)
        {
            var lower = await db.PartyCollectives.AsNoTracking().Where(c => c.ParentId == collective.Id).ToListAsync(ct);
            return new PartyCase(step, IsCollective: true, StateRatingDecided: true)
            {
                DecideFirst = await StandingsAsync(lower, rating.Year, ct),
                UncheckedComplaints = complaints,
                MeetingOn = rating.MeetingOn,
                Today = clock.Today(time.GetUtcNow()),
            };
        }

        var member = subject.Member!;
        var state = await db.Set<ClassificationRecord>().Where(r => r.PersonId == member.Id && r.Year == rating.Year)
            .OrderByDescending(r => r.Version).Select(r => (ClassificationState?)r.State).FirstOrDefaultAsync(ct);
        var collectives = await db.PartyCollectiveMembers.Where(m => m.PersonId == member.Id)
            .Join(db.PartyCollectives, m => m.CollectiveId, c => c.Id, (m, c) => c).AsNoTracking().ToListAsync(ct);
        return new PartyCase(step, IsCollective: false, StateRatingDecided: state == ClassificationState.Decided,
            HasStateTrack: member.Population != Domain.Records.Population.PartyMemberOutsideSystem)
        {
            DecideFirst = await StandingsAsync(collectives, rating.Year, ct),
            IsLeader = collectives.Any(c => c.Kind == PartyCollectiveKinds.Leadership),
            CellReviewedOn = rating.CellReviewedOn,
            CollectiveReviewedOn = rating.CollectiveReviewedOn,
            UncheckedComplaints = complaints,
            MissingOpinions = PartyOpinions.Missing(await OpinionFileAsync(rating, ct)),
        };
    }

    /// <summary>What the member's dossier holds of the opinions rule 37 requires.</summary>
    public async Task<PartyOpinionFile> OpinionFileAsync(PartyRating rating, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(rating);
        var temporary = await db.PartyMemberships.AnyAsync(m => m.PersonId == rating.PersonId && m.TemporaryCellId != null, ct);
        return new PartyOpinionFile(options.Value.RequireResidenceComment, !string.IsNullOrWhiteSpace(rating.ResidenceComment),
            !string.IsNullOrWhiteSpace(rating.ResidenceException), temporary, !string.IsNullOrWhiteSpace(rating.TemporaryCellComment),
            await OldUnitAsync(rating, ct) is not null, !string.IsNullOrWhiteSpace(rating.OldUnitComment));
    }

    /// <summary>
    /// The unit a member left by a transfer dated in the rating's year after at least <see cref="PartyOptions.OldUnitCommentMinMonths"/>
    /// months there that year (the latest such transfer): its name, or its code when it is no longer in the organisation
    /// file; null when there is none.
    /// </summary>
    public async Task<string?> OldUnitAsync(PartyRating rating, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(rating);
        if (rating.PersonId is not { } person) return null;
        var from = new DateOnly(rating.Year, 1, 1);
        var to = new DateOnly(rating.Year, 12, 31);
        var transfers = await db.Transfers.AsNoTracking().Where(t => t.PersonId == person && t.Date > from && t.Date <= to).OrderByDescending(t => t.Date).ToListAsync(ct);
        var transfer = transfers.Find(t => (t.Date.DayNumber - from.DayNumber) * 12 >= options.Value.OldUnitCommentMinMonths * 365);
        if (transfer is null) return null;
        return await db.Units.Where(u => u.ExternalId == transfer.FromUnitExternalId).Select(u => u.Name).FirstOrDefaultAsync(ct) ?? transfer.FromUnitExternalId;
    }

    private async Task<IReadOnlyList<CollectiveStanding>> StandingsAsync(List<PartyCollective> collectives, int year, CancellationToken ct)
    {
        if (collectives.Count == 0) return [];
        var ids = collectives.Select(c => c.Id).ToList();
        var decided = await db.PartyRatings.Where(r => r.Year == year && r.CollectiveId != null && ids.Contains(r.CollectiveId.Value) && r.Step == PartyRatingStep.Decided)
            .Select(r => r.CollectiveId!.Value).ToListAsync(ct);
        return [.. collectives.OrderBy(c => c.Name, StringComparer.Ordinal).Select(c => new CollectiveStanding(c.Name, decided.Contains(c.Id)))];
    }

    private async Task<Dictionary<long, PartyOrganisation>> OrganisationsAsync(CancellationToken ct) =>
        _organisations ??= await db.PartyOrganisations.AsNoTracking().ToDictionaryAsync(o => o.Id, ct);

    private static long? Up(Dictionary<long, PartyOrganisation> organisations, PartyOrganisation start, Func<PartyOrganisation, long?> pick, long selfRater)
    {
        var seen = new HashSet<long>();
        for (PartyOrganisation? o = start; o is not null && seen.Add(o.Id); o = o.ParentId is { } parent ? organisations.GetValueOrDefault(parent) : null)
        {
            if (pick(o) is { } person && person != selfRater) return person;
        }

        return null;
    }
}
