namespace EvalBot.Domain.Calendar;

/// <summary>
/// A day on which nobody is prompted. A compensatory day (nghỉ bù) carries the kind of the holiday it
/// makes up for, so a message can say "nghỉ bù Quốc khánh" rather than just "holiday".
/// </summary>
/// <param name="Date">The civil date.</param>
/// <param name="Kind">Which holiday, or <see cref="HolidayKind.Announced"/>.</param>
/// <param name="IsCompensatory">True for the working day given in exchange for a holiday that fell on a weekend.</param>
public sealed record Holiday(DateOnly Date, HolidayKind Kind, bool IsCompensatory = false)
{
    /// <summary>The Vietnamese name, for cards and logs.</summary>
    public string Name => (IsCompensatory ? "Nghỉ bù " : string.Empty) + Kind switch
    {
        HolidayKind.NewYear => "Tết Dương lịch",
        HolidayKind.LunarNewYear => "Tết Nguyên đán",
        HolidayKind.HungKings => "Giỗ Tổ Hùng Vương",
        HolidayKind.ReunificationDay => "Ngày Chiến thắng 30/4",
        HolidayKind.LabourDay => "Ngày Quốc tế Lao động 1/5",
        HolidayKind.NationalDay => "Quốc khánh 2/9",
        _ => "Ngày nghỉ theo thông báo",
    };
}
