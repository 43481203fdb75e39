using Collective = EvalBot.Persistence.Entities.PartyCollectiveKinds;
using Sheet = EvalBot.Persistence.Entities.ScoreSheetGroups;
using OrgKind = EvalBot.Persistence.Entities.PartyOrganisationKinds;
using Population = EvalBot.Domain.Records.Population;
using Status = EvalBot.Persistence.Entities.PartyMembershipStatuses;

namespace EvalBot.Features.Organisation;

/// <summary>
/// The closed value sets of the import, each mapping English and Vietnamese spellings (normalised) to the value
/// stored in the model.
/// </summary>
public static class Vocabulary
{
    public static readonly IReadOnlyDictionary<string, bool> Flags = new Dictionary<string, bool>(StringComparer.Ordinal)
    {
        ["true"] = true, ["yes"] = true, ["y"] = true, ["1"] = true, ["x"] = true, ["co"] = true, ["c"] = true,
        ["false"] = false, ["no"] = false, ["n"] = false, ["0"] = false, ["khong"] = false, ["k"] = false,
    };

    public static readonly IReadOnlyDictionary<string, Population> Populations = new Dictionary<string, Population>(StringComparer.Ordinal)
    {
        ["civilservant"] = Population.CivilServant, ["civil_servant"] = Population.CivilServant, ["cong_chuc"] = Population.CivilServant,
        ["publicemployee"] = Population.PublicEmployee, ["public_employee"] = Population.PublicEmployee, ["vien_chuc"] = Population.PublicEmployee,
        ["cadre"] = Population.Cadre, ["can_bo"] = Population.Cadre,
    };

    public static readonly IReadOnlyDictionary<string, string> PeriodKinds = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["quarter"] = "quarter", ["quy"] = "quarter", ["month"] = "month", ["thang"] = "month",
    };

    public static readonly IReadOnlyDictionary<string, string> Languages = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["vi"] = "vi", ["vi_vn"] = "vi", ["tieng_viet"] = "vi", ["en"] = "en", ["en_us"] = "en", ["en_gb"] = "en", ["tieng_anh"] = "en",
    };

    public static readonly IReadOnlyDictionary<string, string> LeaveKinds = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["sick"] = "sick", ["om"] = "sick", ["nghi_om"] = "sick",
        ["maternity"] = "maternity", ["thai_san"] = "maternity", ["nghi_thai_san"] = "maternity",
        ["justified"] = "justified", ["co_ly_do"] = "justified", ["other"] = "other", ["khac"] = "other",
    };

    public static readonly IReadOnlyDictionary<string, string> Tracks = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["party"] = "party", ["dang"] = "party",
        ["administrative"] = "administrative", ["hanh_chinh"] = "administrative", ["chinh_quyen"] = "administrative",
    };

    public static readonly IReadOnlyDictionary<string, string> Sanctions = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["reprimand"] = "reprimand", ["khien_trach"] = "reprimand", ["warning"] = "warning", ["canh_cao"] = "warning",
        ["salary_downgrade"] = "salary_downgrade", ["ha_bac_luong"] = "salary_downgrade", ["demotion"] = "demotion", ["giang_chuc"] = "demotion",
        ["removal_from_post"] = "removal_from_post", ["cach_chuc"] = "removal_from_post", ["dismissal"] = "dismissal", ["buoc_thoi_viec"] = "dismissal",
        ["expulsion"] = "expulsion", ["khai_tru"] = "expulsion",
    };

    public static readonly IReadOnlyDictionary<string, string> FindingKinds = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["degradation"] = "degradation", ["suy_thoai"] = "degradation", ["suspension"] = "suspension", ["tam_dinh_chi"] = "suspension", ["tam_dinh_chi_cong_tac"] = "suspension",
    };

    // English first: a refused value lists the first keys.
    public static readonly IReadOnlyDictionary<string, string> PartyOrgKinds = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["committee"] = OrgKind.Committee, ["grassroots"] = OrgKind.Grassroots, ["cell"] = OrgKind.Cell,
        ["dang_uy"] = OrgKind.Committee, ["cap_uy"] = OrgKind.Committee, ["huyen_uy"] = OrgKind.Committee, ["tinh_uy"] = OrgKind.Committee, ["thanh_uy"] = OrgKind.Committee,
        ["dang_bo_co_so"] = OrgKind.Grassroots, ["dang_bo"] = OrgKind.Grassroots, ["chi_bo"] = OrgKind.Cell,
    };

    public static readonly IReadOnlyDictionary<string, string> MembershipStatuses = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["active"] = Status.Active, ["exempt"] = Status.Exempt, ["suspended"] = Status.Suspended,
        ["dang_sinh_hoat"] = Status.Active, ["mien_sinh_hoat"] = Status.Exempt, ["dinh_chi_sinh_hoat"] = Status.Suspended,
    };

    public static readonly IReadOnlyDictionary<string, string> CollectiveKinds = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["leadership"] = Collective.Leadership, ["party"] = Collective.Party, ["agency"] = Collective.Agency,
        ["tap_the_lanh_dao"] = Collective.Leadership, ["ban_lanh_dao"] = Collective.Leadership, ["chi_bo"] = Collective.Party, ["cap_uy"] = Collective.Party,
        ["co_quan"] = Collective.Agency, ["don_vi"] = Collective.Agency,
    };

    /// <summary>What a score sheet is attached to: a post, a group of similar posts, or an agency as its default.</summary>
    public static readonly IReadOnlyDictionary<string, string> SheetScopes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["post"] = "post", ["group"] = "group", ["agency"] = "agency",
        ["vi_tri"] = "post", ["vi_tri_viec_lam"] = "post", ["nhom"] = "group", ["nhom_vi_tri"] = "group", ["co_quan"] = "agency",
    };

    public static readonly IReadOnlyDictionary<string, string> CriterionGroups = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["general"] = Sheet.General, ["task"] = Sheet.Task,
        ["chung"] = Sheet.General, ["tieu_chi_chung"] = Sheet.General,
        ["nhiem_vu"] = Sheet.Task, ["ket_qua"] = Sheet.Task, ["ket_qua_thuc_hien_nhiem_vu"] = Sheet.Task,
    };

    /// <summary>The leader components of Decree 335 Art. 15–16.</summary>
    public static readonly IReadOnlyDictionary<string, string> LeaderComponents = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["unit_results"] = Sheet.UnitResults, ["organisation"] = Sheet.Organisation, ["organization"] = Sheet.Organisation,
        ["ket_qua_don_vi"] = Sheet.UnitResults, ["ket_qua_hoat_dong_cua_don_vi"] = Sheet.UnitResults, ["ket_qua_hoat_dong_don_vi"] = Sheet.UnitResults,
        ["to_chuc_thuc_hien"] = Sheet.Organisation, ["nang_luc_to_chuc_thuc_hien"] = Sheet.Organisation, ["lanh_dao_chi_dao"] = Sheet.Organisation,
    };
}
