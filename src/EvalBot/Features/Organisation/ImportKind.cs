namespace EvalBot.Features.Organisation;

/// <summary>
/// What a CSV file or an XLSX sheet holds. The order is the order of application, so that a row can refer to
/// rows of an earlier kind in the same file (people to units, targets to people, Party members to people and cells).
/// </summary>
public enum ImportKind
{
    Units,
    Posts,
    Groups,
    People,
    Targets,
    ScoreSheets,
    Leave,
    Discipline,
    Findings,
    Transfers,
    PriorScores,
    Votes,
    PartyOrganisations,
    PartyMembers,
    PartyCollectives,
}

/// <summary>Names of the kinds as admins type them: the English name or a Vietnamese one, in any case, with or without diacritics.</summary>
public static class ImportKinds
{
    private static readonly Dictionary<string, ImportKind> ByName = new(StringComparer.Ordinal)
    {
        ["units"] = ImportKind.Units, ["don_vi"] = ImportKind.Units,
        ["posts"] = ImportKind.Posts, ["vi_tri"] = ImportKind.Posts, ["vi_tri_viec_lam"] = ImportKind.Posts,
        ["groups"] = ImportKind.Groups, ["nhom"] = ImportKind.Groups, ["nhom_nhiem_vu"] = ImportKind.Groups,
        ["people"] = ImportKind.People, ["can_bo"] = ImportKind.People, ["nhan_su"] = ImportKind.People, ["nguoi"] = ImportKind.People,
        ["targets"] = ImportKind.Targets, ["chi_tieu"] = ImportKind.Targets, ["san_pham"] = ImportKind.Targets,
        ["score_sheets"] = ImportKind.ScoreSheets, ["bieu_diem"] = ImportKind.ScoreSheets, ["bieu_diem_danh_gia"] = ImportKind.ScoreSheets,
        ["leave"] = ImportKind.Leave, ["nghi"] = ImportKind.Leave, ["nghi_phep"] = ImportKind.Leave,
        ["discipline"] = ImportKind.Discipline, ["ky_luat"] = ImportKind.Discipline,
        ["findings"] = ImportKind.Findings, ["ket_luan"] = ImportKind.Findings,
        ["transfers"] = ImportKind.Transfers, ["dieu_dong"] = ImportKind.Transfers, ["luan_chuyen"] = ImportKind.Transfers,
        ["prior_scores"] = ImportKind.PriorScores, ["diem_don_vi_cu"] = ImportKind.PriorScores, ["diem_ky_don_vi_cu"] = ImportKind.PriorScores,
        ["votes"] = ImportKind.Votes, ["tin_nhiem"] = ImportKind.Votes, ["phieu_tin_nhiem"] = ImportKind.Votes,
        ["party_organisations"] = ImportKind.PartyOrganisations, ["to_chuc_dang"] = ImportKind.PartyOrganisations, ["chi_bo_dang_bo"] = ImportKind.PartyOrganisations,

        // Not plain "dang_vien": it is the people column party_member, and "dang_vien.csv" may well be a list of people.
        ["party_members"] = ImportKind.PartyMembers, ["dang_vien_sinh_hoat"] = ImportKind.PartyMembers, ["sinh_hoat_dang"] = ImportKind.PartyMembers,
        ["party_collectives"] = ImportKind.PartyCollectives, ["tap_the"] = ImportKind.PartyCollectives, ["tap_the_lanh_dao"] = ImportKind.PartyCollectives,
    };

    /// <summary>The kind named by <paramref name="name"/> (e.g. <c>people</c>, <c>Cán bộ</c>), or null.</summary>
    public static ImportKind? Parse(string? name) =>
        name is not null && ByName.TryGetValue(ImportText.Normalise(name), out var kind) ? kind : null;

    /// <summary>
    /// The one kind a file name or a line of text names (<c>targets-2026.csv</c>, <c>Nghỉ phép quý 1.csv</c>,
    /// "danh sách người"): every run of up to four of its first 64 words (the longest name has four) is looked up, a name
    /// inside a longer one found there not counting; null when none or two different kinds are named.
    /// </summary>
    public static ImportKind? Find(string? text)
    {
        var words = text is null ? [] : ImportText.Normalise(text).Split('_', StringSplitOptions.RemoveEmptyEntries).Take(64).ToArray();
        var matches = new List<(int Start, int End, ImportKind Kind)>();
        for (var start = 0; start < words.Length; start++)
        {
            for (var end = start + 1; end <= Math.Min(words.Length, start + 4); end++)
            {
                if (ByName.TryGetValue(string.Join('_', words[start..end]), out var kind)) matches.Add((start, end, kind));
            }
        }

        // A name inside a longer one is part of it: "don_vi" (units) in "diem_don_vi_cu" (prior scores).
        var found = matches.Where(m => !matches.Any(o => o != m && o.Start <= m.Start && o.End >= m.End)).Select(m => m.Kind).ToHashSet();
        return found.Count == 1 ? found.First() : null;
    }

    /// <summary>The documented English name, as used in reports: <c>units</c>, <c>people</c>, <c>party_members</c>, …</summary>
    public static string Name(this ImportKind kind) => kind switch
    {
        ImportKind.ScoreSheets => "score_sheets",
        ImportKind.PriorScores => "prior_scores",
        ImportKind.PartyOrganisations => "party_organisations",
        ImportKind.PartyMembers => "party_members",
        ImportKind.PartyCollectives => "party_collectives",
        _ => kind.ToString().ToLowerInvariant(),
    };
}
