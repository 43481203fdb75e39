namespace EvalBot.Domain.Records;

/// <summary>
/// The year's task counts that the qualitative level conditions of Decree 90/48 and Reg. 366 read
/// (share done, on time with quality, exceeded, late, not meeting the criteria).
/// </summary>
/// <param name="Total">Tasks (or task criteria) assigned in the year.</param>
/// <param name="Completed">Tasks completed.</param>
/// <param name="OnTimeWithQuality">Tasks completed on time and with quality.</param>
/// <param name="Exceeded">Tasks exceeded (vượt mức).</param>
/// <param name="Late">Tasks completed behind schedule.</param>
/// <param name="NotMeetingCriteria">Tasks not meeting progress, quality or efficiency.</param>
public sealed record TaskSummary(int Total, int Completed, int OnTimeWithQuality, int Exceeded, int Late, int NotMeetingCriteria)
{
    /// <summary>Share of <paramref name="count"/> in the total, as a percentage (0 when there are no tasks).</summary>
    public decimal Percent(int count) => Total == 0 ? 0m : 100m * count / Total;

    /// <summary>Share of tasks not completed, in percent.</summary>
    public decimal NotCompletedPercent => Percent(Total - Completed);
}
