using EvalBot.Domain.Records;

namespace EvalBot.Domain.Tracks;

/// <summary>The kinds of collective whose KHT grounds differ: only a leadership collective has the grounds of Art. 11.</summary>
public enum CollectiveKind
{
    /// <summary>Tập thể lãnh đạo, quản lý.</summary>
    Leadership,

    /// <summary>A party cell or committee, or an agency, rated as a collective.</summary>
    Other,
}

/// <summary>The year's tasks of a collective as its head reports them on Form 01 (and the advisory body verifies).</summary>
/// <param name="Planned">Tasks planned for the year.</param>
/// <param name="Done">Tasks done.</param>
/// <param name="OnTime">Tasks done on time, with quality and efficiency.</param>
/// <param name="Exceeded">Tasks exceeded (vượt mức).</param>
public sealed record CollectiveTasks(int Planned, int Done, int OnTime, int Exceeded)
{
    /// <summary>As the task summary the level requirements read; "late" is done but not on time.</summary>
    public TaskSummary Summary => new(Planned, Done, OnTime, Exceeded, Done - OnTime, Planned - OnTime);

    /// <summary>Share of the planned tasks done, in percent.</summary>
    public decimal DonePercent => Summary.Percent(Done);
}

/// <summary>
/// What Regulation 366 Art. 11 reads for a collective's year besides its points: its tasks, the shortcomings pointed out at
/// the previous review and how many were remedied, a recorded conclusion of wrongdoing, and what befell its members.
/// </summary>
/// <param name="Year">The year rated.</param>
/// <param name="Kind">Leadership collective or another collective.</param>
/// <param name="Tasks">The collective's tasks.</param>
/// <param name="ShortcomingsPointed">Shortcomings pointed out at the previous review.</param>
/// <param name="ShortcomingsRemedied">How many of them are remedied.</param>
/// <param name="Wrongdoing">A conclusion of wrongdoing in personnel work, disunity, factions or buying posts; null when none.</param>
/// <param name="MemberSanctions">The members' sanctions charged to this collective (a violation at a previous posting left out by the caller).</param>
/// <param name="MemberDegradations">Findings of degradation about the members.</param>
public sealed record CollectiveYear(
    int Year,
    CollectiveKind Kind,
    CollectiveTasks Tasks,
    int ShortcomingsPointed,
    int ShortcomingsRemedied,
    string? Wrongdoing,
    IReadOnlyList<DisciplineRecord> MemberSanctions,
    IReadOnlyList<DegradationFinding> MemberDegradations)
{
    /// <summary>The fields of the report that are inconsistent, by name (planned, done, onTime, exceeded, pointed, remedied); empty when usable.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Tasks.Planned < 1) problems.Add("planned");
        if (Tasks.Done < 0 || Tasks.Done > Tasks.Planned) problems.Add("done");
        if (Tasks.OnTime < 0 || Tasks.OnTime > Tasks.Done) problems.Add("onTime");
        if (Tasks.Exceeded < 0 || Tasks.Exceeded > Tasks.Done) problems.Add("exceeded");
        if (ShortcomingsPointed < 0) problems.Add("pointed");
        if (ShortcomingsRemedied < 0 || ShortcomingsRemedied > ShortcomingsPointed) problems.Add("remedied");
        return problems;
    }
}
