namespace EvalBot.Domain.Calendar;

/// <summary>One scheduled step of a campaign for one person.</summary>
/// <param name="Kind">What the step does.</param>
/// <param name="Number">1-based among steps of the same kind (the second reminder is 2).</param>
/// <param name="At">The instant, in UTC, for the scheduler.</param>
/// <param name="LocalAt">The same instant in the person's zone, for messages ("hạn chót 08:00 ngày 02/03").</param>
public sealed record CampaignStep(CampaignStepKind Kind, int Number, DateTimeOffset At, DateTimeOffset LocalAt);
