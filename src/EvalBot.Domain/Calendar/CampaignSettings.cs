using System.Globalization;

namespace EvalBot.Domain.Calendar;

/// <summary>
/// One unit's rhythm for a check-in campaign, counted in working days from the opening so Tết or a
/// long weekend never eats into the time people have to answer. Defaults give three weeks.
/// </summary>
public sealed record CampaignSettings
{
    /// <summary>Which working day after the period's last day the campaign opens on. Default 1 (the first).</summary>
    public int OpenAfterPeriodEnd { get; init; } = 1;

    /// <summary>Working days after opening on which to remind non-responders. Default 3 and 7.</summary>
    public IReadOnlyList<int> ReminderDays { get; init; } = [3, 7];

    /// <summary>Working days after opening to tell the direct leader who has not answered; null for never. Default 8.</summary>
    public int? EscalateToLeaderDay { get; init; } = 8;

    /// <summary>Working days after opening to tell the head of unit; null for never. Default 10.</summary>
    public int? EscalateToHeadDay { get; init; } = 10;

    /// <summary>Working days after opening at which answers are no longer taken. Default 15.</summary>
    public int CloseDay { get; init; } = 15;

    /// <summary>Local time of day for every step. Default 08:00; outside working hours it moves to the next working morning.</summary>
    public TimeOnly SendAt { get; init; } = new(8, 0);

    /// <summary>The hours in which the bot may write. Default 08:00–17:00.</summary>
    public WorkingHours WorkingHours { get; init; } = new();

    /// <summary>Problems that make the settings unusable; empty when they are fine.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (OpenAfterPeriodEnd < 1)
        {
            errors.Add("OpenAfterPeriodEnd must be at least 1: a campaign opens after its period.");
        }

        if (WorkingHours.End <= WorkingHours.Start)
        {
            errors.Add("WorkingHours.End must be after WorkingHours.Start.");
        }

        var sequence = new List<(string Name, int Day)>();
        sequence.AddRange(ReminderDays.Select((day, i) => (string.Create(CultureInfo.InvariantCulture, $"ReminderDays[{i}]"), day)));
        if (EscalateToLeaderDay is { } leader)
        {
            sequence.Add((nameof(EscalateToLeaderDay), leader));
        }

        if (EscalateToHeadDay is { } head)
        {
            sequence.Add((nameof(EscalateToHeadDay), head));
        }

        sequence.Add((nameof(CloseDay), CloseDay));
        var previous = (Name: "the opening", Day: 0);
        foreach (var step in sequence)
        {
            if (step.Day <= previous.Day)
            {
                errors.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{step.Name} ({step.Day}) must come after {previous.Name} ({previous.Day}): reminders, then the leader, then the head, then the close."));
            }

            previous = step;
        }

        return errors;
    }
}
