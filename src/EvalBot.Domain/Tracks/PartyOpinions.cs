using System.Globalization;
using EvalBot.Domain.Calendar;

namespace EvalBot.Domain.Tracks;

/// <summary>An opinion a Party member's dossier must hold before the decision (rule 37): a checklist item, never points.</summary>
public enum PartyOpinionKind
{
    /// <summary>The comment of the party committee where the member resides (QĐ366 Art. 17), unless an exception reason is recorded.</summary>
    Residence = 0,

    /// <summary>The comment of the cell where the member is temporarily active.</summary>
    TemporaryCell = 1,

    /// <summary>The comment of the unit the member worked at before a transfer in the year.</summary>
    OldUnit = 2,
}

/// <summary>What a member's dossier holds of the required opinions.</summary>
/// <param name="ResidenceRequired">The rule-set asks for the residence committee's comment.</param>
/// <param name="HasResidenceComment">The comment is recorded.</param>
/// <param name="HasResidenceException">A reason why there is none is recorded instead.</param>
/// <param name="HasTemporaryCell">The member is also active in a temporary cell.</param>
/// <param name="HasTemporaryCellComment">That cell's comment is recorded.</param>
/// <param name="HasTransfer">The member was transferred during the year, from a unit where they worked long enough to be commented on.</param>
/// <param name="HasOldUnitComment">The old unit's comment is recorded.</param>
public sealed record PartyOpinionFile(
    bool ResidenceRequired, bool HasResidenceComment, bool HasResidenceException, bool HasTemporaryCell, bool HasTemporaryCellComment,
    bool HasTransfer = false, bool HasOldUnitComment = false);

/// <summary>Rule 37: the required opinions are checklist items, required before the decision step.</summary>
public static class PartyOpinions
{
    /// <summary>The opinions still missing from the file, in the order the verification card lists them.</summary>
    public static IReadOnlyList<PartyOpinionKind> Missing(PartyOpinionFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var missing = new List<PartyOpinionKind>();
        if (file.ResidenceRequired && !file.HasResidenceComment && !file.HasResidenceException) missing.Add(PartyOpinionKind.Residence);
        if (file.HasTemporaryCell && !file.HasTemporaryCellComment) missing.Add(PartyOpinionKind.TemporaryCell);
        if (file.HasTransfer && !file.HasOldUnitComment) missing.Add(PartyOpinionKind.OldUnit);
        return missing;
    }

    /// <summary>The refusal of the decision for a missing opinion, in both languages.</summary>
    public static PartyRefusal Refusal(PartyOpinionKind kind) => kind switch
    {
        PartyOpinionKind.Residence => new("R37", "Chưa có nhận xét của cấp ủy nơi cư trú (hoặc lý do không có); cần ghi ở bước thẩm định trước khi quyết định.",
            "The residence party committee's comment (or the reason there is none) is missing; the advisory body records it before the decision."),
        PartyOpinionKind.TemporaryCell => new("R37", "Chưa có nhận xét của chi bộ nơi sinh hoạt tạm thời; cần ghi ở bước thẩm định trước khi quyết định.",
            "The temporary cell's comment is missing; the advisory body records it before the decision."),
        _ => new("R37", "Chưa có nhận xét của đơn vị công tác cũ (đảng viên chuyển công tác trong năm); cần ghi ở bước thẩm định trước khi quyết định.",
            "The old unit's comment is missing (the member was transferred during the year); the advisory body records it before the decision."),
    };
}

/// <summary>
/// Rule 34: a collective's draft report (Form 01) goes to every participant at least a number of working days before the
/// review meeting; a meeting set earlier is refused with the first day it may be held.
/// </summary>
public static class CollectiveMeeting
{
    /// <summary>The first day the meeting may be held when the draft is sent on <paramref name="sentOn"/>.</summary>
    public static DateOnly Earliest(DateOnly sentOn, int workingDays, WorkCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        return calendar.AddWorkingDays(sentOn, workingDays);
    }

    /// <summary>Null when the meeting may be held on <paramref name="meetingOn"/>; else why not, with the first day it may be.</summary>
    public static PartyRefusal? MaySchedule(DateOnly sentOn, DateOnly meetingOn, int workingDays, WorkCalendar calendar)
    {
        var earliest = Earliest(sentOn, workingDays, calendar);
        if (meetingOn >= earliest) return null;
        var n = workingDays.ToString(CultureInfo.InvariantCulture);
        return new("R34", $"Dự thảo báo cáo kiểm điểm phải gửi đến người dự họp ít nhất {n} ngày làm việc trước cuộc họp; gửi hôm nay thì sớm nhất họp ngày {earliest.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}.",
            $"The draft report must reach the participants at least {n} working days before the meeting; sent today, the meeting may be held on {earliest.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} at the earliest.");
    }

    /// <summary>Null when the collective's review may be verified on <paramref name="today"/>: its meeting has been held.</summary>
    public static PartyRefusal? MayVerify(DateOnly? meetingOn, DateOnly today) => meetingOn switch
    {
        null => new("R34", "Chưa có ngày họp kiểm điểm của tập thể; người đứng đầu ghi ngày họp khi gửi dự thảo báo cáo.",
            "The collective's review meeting has no date; its head sets it when sending the draft report."),
        { } day when day > today => new("R34", $"Cuộc họp kiểm điểm của tập thể là ngày {day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}; thẩm định sau cuộc họp.",
            $"The collective's review meeting is on {day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}; verification comes after it."),
        _ => null,
    };
}
