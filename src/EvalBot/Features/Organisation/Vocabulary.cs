using Population = EvalBot.Domain.Records.Population;

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
}
