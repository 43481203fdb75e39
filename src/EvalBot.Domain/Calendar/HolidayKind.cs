namespace EvalBot.Domain.Calendar;

/// <summary>The public holidays of Labour Code 2019 Art. 112, plus days off a deployment adds by announcement.</summary>
public enum HolidayKind
{
    /// <summary>Tết Dương lịch, 1 January.</summary>
    NewYear = 0,

    /// <summary>Tết Nguyên đán: the last day(s) of the lunar year and the first days of the next.</summary>
    LunarNewYear = 1,

    /// <summary>Giỗ Tổ Hùng Vương, 10th day of the 3rd lunar month.</summary>
    HungKings = 2,

    /// <summary>Ngày Chiến thắng (Giải phóng miền Nam, thống nhất đất nước), 30 April.</summary>
    ReunificationDay = 3,

    /// <summary>Ngày Quốc tế Lao động, 1 May.</summary>
    LabourDay = 4,

    /// <summary>Quốc khánh, 2 September and one adjacent day.</summary>
    NationalDay = 5,

    /// <summary>A day off announced for the year (swapped days, extra bridge days), from configuration.</summary>
    Announced = 6,
}
