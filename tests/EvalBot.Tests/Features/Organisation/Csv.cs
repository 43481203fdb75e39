namespace EvalBot.Tests.Features.Organisation;

/// <summary>Small organisation files shared by the import tests.</summary>
public static class Csv
{
    public const string Units = """
        unit_id,name,parent_unit_id,is_agency
        AG,Văn phòng UBND xã Thử,,yes
        U1,Phòng Tổng hợp,AG,no
        U2,Phòng Kinh tế,AG,no
        """;

    public const string Posts = """
        post_id,name,unit_id
        CV,Chuyên viên,
        TP,Trưởng phòng,
        """;

    public const string Groups = """
        group_id,name
        G1,Chuyên môn
        """;

    public const string People = """
        person_id,full_name,email,aad_object_id,unit_id,post_id,group_id,leader_person_id,population,party_member,leader,organisation_board
        P1,Nguyễn Văn An,an@example.org,aad-1,U1,TP,G1,,công chức,có,yes,no
        P2,Trần Thị Bình,,aad-2,U1,CV,G1,P1,viên chức,no,no,no
        P3,Lê Văn Cường,,,U2,CV,G1,P1,Cadre,1,0,x
        """;
}
