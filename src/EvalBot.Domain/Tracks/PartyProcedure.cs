using System.Globalization;

namespace EvalBot.Domain.Tracks;

/// <summary>The three steps of a Party rating (Regulation 366 Art. 12.1), in order.</summary>
public enum PartyStep
{
    /// <summary>Opened; waits for the self-rating.</summary>
    Open = 0,

    /// <summary>Step 1 done: the member (or the collective's head) self-rated.</summary>
    SelfRated = 1,

    /// <summary>Step 2 done: the advisory body verified and proposed.</summary>
    Verified = 2,

    /// <summary>Step 3 done: the competent level decided.</summary>
    Decided = 3,
}

/// <summary>A collective that must be decided before a rating (the member's or a lower one), and whether it is.</summary>
/// <param name="Name">Its name, as the refusal shows it.</param>
/// <param name="Decided">True when its rating for the year is decided.</param>
public sealed record CollectiveStanding(string Name, bool Decided);

/// <summary>Everything the order rules read about one Party rating.</summary>
/// <param name="Step">Where the rating stands.</param>
/// <param name="IsCollective">A collective's rating rather than a member's.</param>
/// <param name="StateRatingDecided">The member's state rating for the year is decided (rule 2; true for a collective).</param>
/// <param name="HasStateTrack">False for a member outside the political system, who has no state rating.</param>
public sealed record PartyCase(PartyStep Step, bool IsCollective, bool StateRatingDecided, bool HasStateTrack = true)
{
    /// <summary>Collectives to decide first: the member's collectives (a head's leadership collective), or a collective's lower ones.</summary>
    public IReadOnlyList<CollectiveStanding> DecideFirst { get; init; } = [];

    /// <summary>A leader: reviewed at the party cell and in the leadership collective (rule 33).</summary>
    public bool IsLeader { get; init; }
    public DateOnly? CellReviewedOn { get; init; }
    public DateOnly? CollectiveReviewedOn { get; init; }

    /// <summary>Complaints, denunciations or reports without the superior committee's re-check (rule 31).</summary>
    public int UncheckedComplaints { get; init; }

    /// <summary>Required opinions the member's dossier does not hold yet (rule 37).</summary>
    public IReadOnlyList<PartyOpinionKind> MissingOpinions { get; init; } = [];

    /// <summary>A collective's review meeting, set when its head sent the draft report (rule 34).</summary>
    public DateOnly? MeetingOn { get; init; }

    /// <summary>Today in the organisation's time zone, when the case is read for a step (the meeting must be held to verify).</summary>
    public DateOnly? Today { get; init; }
}

/// <summary>Why a step may not be taken yet: the rule, and what must happen first, in both languages.</summary>
/// <param name="RuleId">The rule of domain-rules §10 (R02, R31, R32, R33, R34, R37).</param>
/// <param name="TextVi">What must happen first, in Vietnamese.</param>
/// <param name="TextEn">The same in English.</param>
public sealed record PartyRefusal(string RuleId, string TextVi, string TextEn);

/// <summary>
/// Rules 2, 31, 32, 33, 34 and 37: when each step of a Party rating may be taken. The answer lists every reason at once, each
/// saying what must happen first, so nobody has to try again to learn the next one.
/// </summary>
public static class PartyProcedure
{
    /// <summary>Step 1: the self-rating, possible until the advisory body has verified it, once the state rating is decided.</summary>
    public static IReadOnlyList<PartyRefusal> MaySelfRate(PartyCase c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var refusals = new List<PartyRefusal>();
        if (c.Step >= PartyStep.Verified) refusals.Add(AlreadyPast(c.Step));
        StateFirst(c, refusals);
        return refusals;
    }

    /// <summary>Step 2: verification and proposal, after the self-rating and before the decision.</summary>
    public static IReadOnlyList<PartyRefusal> MayVerify(PartyCase c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var refusals = new List<PartyRefusal>();
        if (c.Step == PartyStep.Open)
        {
            refusals.Add(new("R31", "Chưa có bản tự đánh giá, xếp loại (bước 1); cần tự đánh giá trước khi thẩm định.",
                "There is no self-rating yet (step 1); it comes before the verification."));
        }

        if (c.Step == PartyStep.Decided) refusals.Add(AlreadyPast(c.Step));
        StateFirst(c, refusals);
        if (c.IsCollective && c.Step != PartyStep.Open && c.Today is { } today && CollectiveMeeting.MayVerify(c.MeetingOn, today) is { } meeting) refusals.Add(meeting);
        return refusals;
    }

    /// <summary>Step 3: the decision, after the verification, the collectives first, both reviews of a leader, no open complaint.</summary>
    public static IReadOnlyList<PartyRefusal> MayDecide(PartyCase c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var refusals = new List<PartyRefusal>();
        if (c.Step == PartyStep.Decided) refusals.Add(AlreadyPast(c.Step));
        else if (c.Step != PartyStep.Verified)
        {
            refusals.Add(new("R31", "Chưa có thẩm định, đề xuất của cơ quan tham mưu (bước 2); cần thẩm định trước khi quyết định.",
                "The advisory body has not verified and proposed yet (step 2); that comes before the decision."));
        }

        if (c.UncheckedComplaints > 0)
        {
            refusals.Add(new("R31", $"Có {c.UncheckedComplaints} đơn khiếu nại, tố cáo, phản ánh chưa được cấp ủy cấp trên thẩm tra lại; cần thẩm tra trước khi quyết định.",
                $"{c.UncheckedComplaints} complaint(s), denunciation(s) or report(s) have no re-check by the superior committee yet; the re-check comes before the decision."));
        }

        StateFirst(c, refusals);
        foreach (var first in c.DecideFirst.Where(f => !f.Decided))
        {
            refusals.Add(c.IsCollective
                ? new("R32", $"Tập thể cấp dưới \"{first.Name}\" chưa được quyết định xếp loại; cấp dưới được xếp loại trước cấp trên.",
                    $"The lower collective \"{first.Name}\" is not decided yet; lower collectives are rated before higher ones.")
                : new("R32", $"Tập thể \"{first.Name}\" chưa được quyết định xếp loại; tập thể được xếp loại trước cá nhân.",
                    $"The collective \"{first.Name}\" is not decided yet; collectives are rated before their members."));
        }

        if (c.IsLeader && !c.IsCollective) ReviewPlaces(c, refusals);
        refusals.AddRange(c.MissingOpinions.Select(PartyOpinions.Refusal));
        return refusals;
    }

    private static void StateFirst(PartyCase c, List<PartyRefusal> refusals)
    {
        if (c.IsCollective || !c.HasStateTrack || c.StateRatingDecided) return;
        refusals.Add(new("R02", "Kết quả xếp loại cán bộ, công chức, viên chức của năm chưa được quyết định; cần quyết định trước khi xếp loại đảng viên.",
            "The state rating for the year is not decided yet; it is decided before the Party-member rating."));
    }

    private static void ReviewPlaces(PartyCase c, List<PartyRefusal> refusals)
    {
        if (c.CellReviewedOn is null)
        {
            refusals.Add(new("R33", "Chưa ghi ngày kiểm điểm ở chi bộ; đảng viên là cán bộ lãnh đạo được kiểm điểm ở chi bộ trước.",
                "The review at the party cell has no date yet; a leader is reviewed at the cell first."));
        }

        if (c.CollectiveReviewedOn is null)
        {
            refusals.Add(new("R33", "Chưa ghi ngày kiểm điểm ở tập thể lãnh đạo; cán bộ lãnh đạo được kiểm điểm cả ở chi bộ và ở tập thể lãnh đạo.",
                "The review in the leadership collective has no date yet; a leader is reviewed both at the cell and in the leadership collective."));
        }

        if (ReviewOrder(c.CellReviewedOn, c.CollectiveReviewedOn) is { } order) refusals.Add(order);
    }

    /// <summary>Rule 33's order: the leadership-collective review may not be dated before the cell review; null when it is not.</summary>
    public static PartyRefusal? ReviewOrder(DateOnly? cellReviewedOn, DateOnly? collectiveReviewedOn) =>
        cellReviewedOn is { } cell && collectiveReviewedOn is { } collective && collective < cell
            ? new("R33", $"Kiểm điểm ở tập thể lãnh đạo ({Day(collective, "dd/MM/yyyy")}) trước kiểm điểm ở chi bộ ({Day(cell, "dd/MM/yyyy")}); chi bộ phải kiểm điểm trước.",
                $"The leadership-collective review ({Day(collective, "yyyy-MM-dd")}) is before the cell review ({Day(cell, "yyyy-MM-dd")}); the cell reviews first.")
            : null;

    private static string Day(DateOnly day, string format) => day.ToString(format, CultureInfo.InvariantCulture);

    private static PartyRefusal AlreadyPast(PartyStep step) => step == PartyStep.Decided
        ? new("R31", "Kết quả đã được quyết định; chỉ cấp có thẩm quyền hoặc cấp ủy cấp trên có thể hủy và xếp loại lại.",
            "The rating is decided; only the competent level or the superior committee may cancel and re-rate it.")
        : new("R31", "Đã được thẩm định; bản tự đánh giá không còn sửa được.", "It has been verified; the self-rating can no longer be changed.");
}
