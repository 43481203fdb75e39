namespace EvalBot.Features.Organisation;

/// <summary>A column of a kind: its documented English name, whether every row needs it, its length limit and its aliases.</summary>
public sealed record ColumnSpec(string Name, bool Required, int MaxLength, params string[] Aliases);

/// <summary>
/// The documented columns of every kind (English snake_case) with the Vietnamese headers accepted for them.
/// Aliases are compared after <see cref="ImportText.Normalise"/>, so "Mã đơn vị" matches <c>ma_don_vi</c>.
/// </summary>
public static class ImportSchema
{
    private const int Id = 128;
    private const int Name = 256;
    private const int Short = 32;
    private const int MemberList = 8192;

    // Declared before ByKind, which reads them while the class initialises.
    private static readonly ColumnSpec[] UnitColumns =
    [
        new("unit_id", true, Id, "ma_don_vi", "external_id"), new("name", true, Name, "ten_don_vi", "ten"),
        new("parent_unit_id", false, Id, "ma_don_vi_cap_tren", "don_vi_cap_tren"), new("is_agency", false, Short, "la_co_quan", "co_quan"),
        new("period_kind", false, Short, "ky_danh_gia"), new("time_zone", false, 64, "mui_gio"),
        new("head_person_id", false, Id, "ma_thu_truong", "thu_truong", "truong_don_vi"),
        new("competent_person_id", false, Id, "ma_cap_co_tham_quyen", "cap_co_tham_quyen", "nguoi_co_tham_quyen"),
    ];

    private static readonly ColumnSpec[] PartyOrganisationColumns =
    [
        new("party_org_id", true, Id, "ma_to_chuc_dang", "external_id"), new("name", true, Name, "ten_to_chuc", "ten_to_chuc_dang", "ten"),
        new("kind", true, Short, "loai_to_chuc", "loai"), new("parent_party_org_id", false, Id, "ma_to_chuc_cap_tren", "to_chuc_cap_tren"),
        new("competent_person_id", false, Id, "ma_cap_co_tham_quyen", "cap_co_tham_quyen", "nguoi_co_tham_quyen"),
        new("advisory_person_id", false, Id, "ma_co_quan_tham_muu", "co_quan_tham_muu", "tham_muu"),
        new("special", false, Short, "don_vi_dac_thu", "dac_thu"),
    ];

    private static readonly ColumnSpec[] PartyMemberColumns =
    [
        new("person_id", true, Id, "ma_can_bo", "ma_dang_vien"), new("cell_id", true, Id, "ma_chi_bo", "chi_bo"),
        new("admitted_on", false, Short, "ngay_vao_dang"), new("temporary_cell_id", false, Id, "ma_chi_bo_sinh_hoat_tam_thoi", "chi_bo_sinh_hoat_tam_thoi"),
        new("status", false, Short, "trang_thai", "tinh_trang_sinh_hoat"),
    ];

    private static readonly ColumnSpec[] PartyCollectiveColumns =
    [
        new("collective_id", true, Id, "ma_tap_the", "external_id"), new("name", true, Name, "ten_tap_the", "ten"),
        new("kind", true, Short, "loai_tap_the", "loai"), new("party_org_id", true, Id, "ma_to_chuc_dang"),
        new("parent_collective_id", false, Id, "ma_tap_the_cap_tren", "tap_the_cap_tren"),
        new("head_person_id", true, Id, "ma_nguoi_dung_dau", "nguoi_dung_dau"), new("member_person_ids", false, MemberList, "thanh_vien", "ma_thanh_vien"),
    ];

    private static readonly ColumnSpec[] ScoreSheetColumns =
    [
        new("sheet_id", true, Id, "ma_bieu_diem"), new("applies_to", true, Short, "ap_dung_cho", "pham_vi"),
        new("scope_id", true, Id, "ma_ap_dung", "ma_pham_vi"), new("criterion_id", true, Id, "ma_tieu_chi"),
        new("name_vi", true, 512, "ten_tieu_chi"), new("name_en", false, 512, "ten_tieu_chi_tieng_anh", "ten_tieng_anh"),
        new("group", true, Short, "nhom_tieu_chi"), new("max_points", true, Short, "diem_toi_da"),
        new("leader_component", false, Short, "thanh_phan_lanh_dao", "tieu_chi_lanh_dao"),
        new("description_vi", false, 2048, "cach_cham", "mo_ta", "yeu_cau_dat_diem"), new("description_en", false, 2048, "cach_cham_tieng_anh", "mo_ta_tieng_anh"),
    ];

    private static readonly ColumnSpec[] DisciplineColumns =
    [
        new("discipline_id", true, Id, "ma_ky_luat", "external_id"), new("person_id", true, Id, "ma_can_bo"),
        new("violation_id", true, Id, "ma_vi_pham", "violation"), new("decision_date", true, Short, "ngay_quyet_dinh"),
        new("track", true, Short, "loai_ky_luat"), new("sanction", true, Short, "hinh_thuc", "hinh_thuc_ky_luat"),
        new("public_service", false, Short, "vi_pham_cong_vu"),
        new("counted_year", false, Short, "nam_da_tinh", "nam_da_tinh_xep_loai", "da_tinh_nam"),
    ];

    // The old unit's period scores after a transfer (rule 20): one row per person and period.
    private static readonly ColumnSpec[] PriorScoreColumns =
    [
        new("person_id", true, Id, "ma_can_bo"), new("period", true, 16, "ky"),
        new("score", true, Short, "diem", "tong_diem", "diem_ky"), new("from_unit_id", true, Id, "ma_don_vi_cu", "don_vi_cu"),
        new("general_score", false, Short, "diem_tieu_chi_chung"),
    ];

    private static readonly Dictionary<ImportKind, IReadOnlyList<ColumnSpec>> ByKind = Enum.GetValues<ImportKind>().ToDictionary(k => k, Build);

    public static IReadOnlyList<ColumnSpec> Columns(ImportKind kind) => ByKind[kind];

    public static ColumnSpec Column(ImportKind kind, string name) => ByKind[kind].First(c => c.Name == name);

    private static IReadOnlyList<ColumnSpec> Build(ImportKind kind) => kind switch
    {
        ImportKind.Units => UnitColumns,
        ImportKind.Posts or ImportKind.Groups =>
        [
            kind == ImportKind.Posts ? new("post_id", true, Id, "ma_vi_tri", "ma_vi_tri_viec_lam", "external_id") : new("group_id", true, Id, "ma_nhom", "external_id"),
            new("name", true, Name, "ten_vi_tri", "ten_nhom", "ten"), new("unit_id", false, Id, "ma_don_vi"),
        ],
        ImportKind.People =>
        [
            new("person_id", true, Id, "ma_can_bo", "ma_nhan_su", "external_id"), new("full_name", true, Name, "ho_ten", "ho_va_ten"),
            new("email", false, Name, "thu_dien_tu"), new("aad_object_id", false, Id, "entra_object_id", "ma_entra"),
            new("unit_id", true, Id, "ma_don_vi"), new("post_id", false, Id, "ma_vi_tri", "ma_vi_tri_viec_lam"), new("group_id", false, Id, "ma_nhom"),
            new("leader_person_id", false, Id, "ma_lanh_dao_truc_tiep", "lanh_dao_truc_tiep"), new("population", false, Short, "doi_tuong"),
            new("party_member", false, Short, "dang_vien"), new("leader", false, Short, "lanh_dao"), new("organisation_board", false, Short, "ban_to_chuc"),
            new("language", false, 8, "ngon_ngu"), new("time_zone", false, 64, "mui_gio"), new("active", false, Short, "dang_cong_tac"),
            new("hired", false, Short, "ngay_tuyen_dung", "hired_on"), new("ended", false, Short, "ngay_nghi_viec", "ended_on"),
        ],
        ImportKind.Targets =>
        [
            new("target_id", true, Id, "ma_chi_tieu", "ma_san_pham", "external_id"), new("period", true, 16, "ky"),
            new("person_id", false, Id, "ma_can_bo"), new("post_id", false, Id, "ma_vi_tri", "ma_vi_tri_viec_lam"),
            new("title", true, 512, "ten_san_pham", "noi_dung"), new("unit_of_measure", true, 64, "don_vi_tinh"),
            new("quantity", true, Short, "so_luong"), new("conversion_factor", false, Short, "he_so_quy_doi"),
            new("deadline", true, Short, "han_hoan_thanh", "thoi_han"), new("quality_requirement", true, 1024, "yeu_cau_chat_luong"),
        ],
        ImportKind.ScoreSheets => ScoreSheetColumns,
        ImportKind.Leave =>
        [
            new("leave_id", true, Id, "ma_nghi", "external_id"), new("person_id", true, Id, "ma_can_bo"), new("kind", true, Short, "loai_nghi", "loai"),
            new("from_date", true, Short, "tu_ngay"), new("to_date", true, Short, "den_ngay"),
        ],
        ImportKind.Discipline => DisciplineColumns,
        ImportKind.Findings =>
        [
            new("finding_id", true, Id, "ma_ket_luan", "external_id"), new("person_id", true, Id, "ma_can_bo"),
            new("kind", true, Short, "loai_ket_luan", "loai"), new("date", true, Short, "ngay"),
        ],
        ImportKind.Transfers =>
        [
            new("transfer_id", true, Id, "ma_dieu_dong", "external_id"), new("person_id", true, Id, "ma_can_bo"),
            new("from_unit_id", true, Id, "ma_don_vi_cu", "don_vi_cu"), new("to_unit_id", true, Id, "ma_don_vi_moi", "don_vi_moi"), new("date", true, Short, "ngay"),
        ],
        ImportKind.PriorScores => PriorScoreColumns,
        ImportKind.Votes =>
        [
            new("vote_id", true, Id, "ma_lay_phieu", "external_id"), new("person_id", true, Id, "ma_can_bo"), new("date", true, Short, "ngay"),
            new("high", true, Short, "tin_nhiem_cao"), new("medium", true, Short, "tin_nhiem"), new("low", true, Short, "tin_nhiem_thap"),
            new("present", true, Short, "co_mat"), new("convened", true, Short, "trieu_tap"),
        ],
        ImportKind.PartyOrganisations => PartyOrganisationColumns,
        ImportKind.PartyMembers => PartyMemberColumns,
        ImportKind.PartyCollectives => PartyCollectiveColumns,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
