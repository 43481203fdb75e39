using System.Globalization;

namespace EvalBot.Features.Classification;

/// <summary>
/// The state's official list (<see cref="OfficialListXlsx"/>): the national header, "DANH SÁCH ĐÁNH GIÁ, XẾP LOẠI CHẤT
/// LƯỢNG NĂM …", the columns of the official summary (STT, Họ và tên, Chức vụ, Đơn vị, Điểm, Mức xếp loại, Ghi chú), signed
/// by the head of the agency or unit.
/// </summary>
public static class ClassificationXlsx
{
    public static readonly string[] Headers = ["STT", "Họ và tên", "Chức vụ", "Đơn vị", "Điểm", "Mức xếp loại", "Ghi chú"];

    public const string DraftMarker = OfficialListXlsx.DraftMarker;
    public const string Republic = OfficialListXlsx.Republic;
    public const string Motto = OfficialListXlsx.Motto;
    public const uint HeaderRow = OfficialListXlsx.HeaderRow;

    /// <summary>The layout of the year's list of <paramref name="unitName"/>.</summary>
    public static OfficialListLayout Layout(int year, string unitName)
    {
        var y = year.ToString(CultureInfo.InvariantCulture);
        return new("Xếp loại " + y, Republic, Motto, "DANH SÁCH ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG NĂM " + y, "Đơn vị: " + unitName, "người", Headers,
            ["THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ"], "(Ký, ghi rõ họ tên, đóng dấu)");
    }
}
