namespace EvalBot.Domain.Calendar;

/// <summary>What happens at a step of a check-in campaign.</summary>
public enum CampaignStepKind
{
    /// <summary>Everyone gets the check-in card.</summary>
    Open = 0,

    /// <summary>Non-responders get a reminder.</summary>
    Reminder = 1,

    /// <summary>The direct leader gets the list of people who have not answered.</summary>
    EscalateToLeader = 2,

    /// <summary>The head of unit gets the list of people who have not answered.</summary>
    EscalateToHead = 3,

    /// <summary>Answers are no longer taken.</summary>
    Close = 4,
}
