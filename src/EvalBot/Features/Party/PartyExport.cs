using System.Globalization;
using EvalBot.Cards;
using EvalBot.Domain;
using EvalBot.Domain.Tracks;
using EvalBot.Persistence;
using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Features.Party;

/// <summary>A Party list as a file: the XLSX bytes and the name it is offered under.</summary>
public sealed record PartyListFile(byte[] Bytes, string Name);

/// <summary>
/// The year's Party list of a party organisation and every organisation below it, in the layout of an official Party
/// document (<see cref="OfficialListXlsx"/>): "ĐẢNG CỘNG SẢN VIỆT NAM" on the right, the superior organisation and the
/// organisation on the left, the collectives first (rule 32's order) and then the members, each with the points of the
/// latest step, the level and the step it is at; "DỰ THẢO" while any rating is not decided; signed on behalf of the cell
/// or the committee by its secretary. Only levels and totals: never comments, ballots or opinions.
/// </summary>
public sealed class PartyExport(EvalBotDbContext db, CardTemplates templates, PartyHonours honours, TimeProvider time, OrganisationClock clock)
{
    public static readonly string[] Headers = ["STT", "Họ và tên / Tập thể", "Chức vụ", "Tổ chức đảng", "Điểm", "Mức xếp loại", "Ghi chú"];

    /// <summary>The list of the organisation <paramref name="org"/> (its external id, or its number; the top organisation when null); null when unknown.</summary>
    public async Task<PartyListFile?> BuildAsync(int year, string? org, CancellationToken ct)
    {
        var orgs = await db.PartyOrganisations.AsNoTracking().ToDictionaryAsync(o => o.Id, ct);
        var root = org is null
            ? orgs.Values.Where(o => o.ParentId is null).OrderBy(o => o.Id).FirstOrDefault()
            : orgs.Values.FirstOrDefault(o => o.ExternalId == org)
              ?? (long.TryParse(org, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? orgs.GetValueOrDefault(id) : null);
        if (root is null) return null;
        var scope = Subtree(root.Id, orgs.Values);
        var ratings = await db.PartyRatings.AsNoTracking()
            .Where(r => r.Year == year && r.Step != PartyRatingStep.Superseded && scope.Contains(r.PartyOrganisationId)).ToListAsync(ct);
        var lines = await LinesAsync(year, ratings, orgs, ct);
        var secretary = await db.PartyCollectives.AsNoTracking()
            .Where(c => c.PartyOrganisationId == root.Id && c.Kind == PartyCollectiveKinds.Party)
            .Join(db.People, c => c.HeadPersonId, p => p.Id, (c, p) => p.FullName).FirstOrDefaultAsync(ct);
        var superior = root.ParentId is { } parent && orgs.TryGetValue(parent, out var above) ? above.Name : "";
        var sheet = new OfficialListSheet(Layout(year, root), superior, root.Name, clock.Today(time.GetUtcNow()), secretary, lines);
        return new PartyListFile(OfficialListXlsx.Write(sheet), FileName(year, root.ExternalId));
    }

    /// <summary>The Party document's layout: signed on behalf of the cell (a cell) or of the committee (any other organisation).</summary>
    public static OfficialListLayout Layout(int year, PartyOrganisation root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var y = year.ToString(CultureInfo.InvariantCulture);
        var onBehalf = root.Kind == PartyOrganisationKinds.Cell ? "T/M CHI BỘ" : "T/M ĐẢNG ỦY";
        return new("Đảng viên " + y, OfficialListXlsx.PartyName, null, "DANH SÁCH ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG TẬP THỂ, ĐẢNG VIÊN NĂM " + y,
            "Tổ chức đảng: " + root.Name, "trường hợp", Headers, [onBehalf, "BÍ THƯ"], "(Ký, ghi rõ họ tên)");
    }

    /// <summary>The file name: the year and the organisation's external id, ASCII only.</summary>
    public static string FileName(int year, string externalId)
    {
        ArgumentNullException.ThrowIfNull(externalId);
        var id = new string([.. externalId.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-')]);
        return FormattableString.Invariant($"xep-loai-dang-vien-{year}-{id}.xlsx");
    }

    private async Task<List<OfficialListLine>> LinesAsync(int year, List<PartyRating> ratings, Dictionary<long, PartyOrganisation> orgs, CancellationToken ct)
    {
        var personIds = ratings.Where(r => r.PersonId is not null).Select(r => r.PersonId!.Value).ToList();
        var collectiveIds = ratings.Where(r => r.CollectiveId is not null).Select(r => r.CollectiveId!.Value).ToList();
        var people = await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var posts = await db.Posts.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var collectives = await db.PartyCollectives.AsNoTracking().Where(c => collectiveIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        var flags = await honours.FlagsAsync(year, personIds, ct);
        var text = new TextTable(templates, "vi");
        return [.. ratings
            .OrderBy(r => r.CollectiveId is null)
            .ThenBy(r => orgs[r.PartyOrganisationId].Name, StringComparer.Ordinal)
            .ThenBy(r => r.Level ?? 9).ThenByDescending(PartyQuota.LatestPoints)
            .ThenBy(r => r.CollectiveId is { } c ? collectives.GetValueOrDefault(c)?.Name : people.GetValueOrDefault(r.PersonId!.Value)?.FullName, StringComparer.Ordinal)
            .Select(r =>
            {
                var (name, post) = r.CollectiveId is { } c
                    ? (collectives.GetValueOrDefault(c)?.Name ?? "", "Tập thể")
                    : (people.GetValueOrDefault(r.PersonId!.Value)?.FullName ?? "",
                       people.GetValueOrDefault(r.PersonId!.Value)?.PostId is { } p && posts.TryGetValue(p, out var n) ? n : "");
                return new OfficialListLine(name, post, orgs[r.PartyOrganisationId].Name, PartyQuota.LatestPoints(r), ScoreText(r), LevelText(r, text), Note(r, flags, clock.Zone), r.Step == PartyRatingStep.Decided);
            })];
    }

    private static string ScoreText(PartyRating r) => r.Step == PartyRatingStep.Open ? "Chưa tự đánh giá" : "Không chấm điểm";

    /// <summary>The decided level; before the decision, the level the latest step gives, marked as not final.</summary>
    private static string LevelText(PartyRating r, TextTable text) =>
        r.Level is { } decided ? text.LevelName((Level)decided)
        : (r.ProposedLevel ?? r.SelfLevel) is { } draft ? text.LevelName((Level)draft) + " (dự kiến)"
        : "—";

    /// <summary>The step the rating is at; a decided member's commendation flags after it (rule 41).</summary>
    private static string Note(PartyRating r, Dictionary<long, IReadOnlyList<PartyCommendationFlag>> flags, TimeZoneInfo zone) => r.Step switch
    {
        PartyRatingStep.Decided => "Đã quyết định" + (r.DecidedAt is { } at ? " ngày " + TimeZoneInfo.ConvertTime(at, zone).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) : "")
            + string.Concat((r.PersonId is { } p ? flags.GetValueOrDefault(p) ?? [] : []).Select(f => "; " + f.TextVi.TrimEnd('.'))),
        PartyRatingStep.Verified => "Dự thảo: đã thẩm định, chờ cấp có thẩm quyền quyết định",
        PartyRatingStep.SelfRated => "Dự thảo: đã tự đánh giá, chờ thẩm định",
        _ => "Dự thảo: chờ tự đánh giá",
    };

    private static HashSet<long> Subtree(long root, IEnumerable<PartyOrganisation> orgs)
    {
        var children = orgs.Where(o => o.ParentId is not null).ToLookup(o => o.ParentId!.Value, o => o.Id);
        var scope = new HashSet<long> { root };
        var queue = new Queue<long>([root]);
        while (queue.Count > 0)
        {
            foreach (var child in children[queue.Dequeue()]) if (scope.Add(child)) queue.Enqueue(child);
        }

        return scope;
    }
}
