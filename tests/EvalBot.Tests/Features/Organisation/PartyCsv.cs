namespace EvalBot.Tests.Features.Organisation;

/// <summary>Small Party organisation files with Vietnamese headers, over the people of <see cref="Csv"/> (P1, P2, P3).</summary>
public static class PartyCsv
{
    public const string Organisations = """
        Mã tổ chức đảng,Tên tổ chức,Loại tổ chức,Mã tổ chức cấp trên,Mã cấp có thẩm quyền,Tham mưu
        HU,Huyện ủy Thử,Huyện ủy,,,
        DB,Đảng bộ xã Thử,Đảng bộ cơ sở,HU,P1,P3
        CB1,Chi bộ Một,chi bộ,DB,P1,P3
        CB2,Chi bộ Hai,Chi bộ,DB,P1,P3
        """;

    public const string Members = """
        Mã cán bộ,Mã chi bộ,Ngày vào Đảng,Mã chi bộ sinh hoạt tạm thời,Trạng thái
        P1,CB1,19/05/2010,,đang sinh hoạt
        P2,CB1,2026-06-01,CB2,Miễn sinh hoạt
        P3,CB2,,,đình chỉ sinh hoạt
        """;

    public const string Collectives = """
        Mã tập thể,Tên tập thể,Loại tập thể,Mã tổ chức đảng,Mã tập thể cấp trên,Mã người đứng đầu,Thành viên
        LD,Tập thể lãnh đạo xã Thử,Tập thể lãnh đạo,HU,,P1,P2; P3
        TT-CB1,Chi bộ Một,chi bộ,DB,LD,P1,"P1,P2"
        """;
}
