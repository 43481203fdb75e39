namespace EvalBot.Core;

/// <summary>
/// Configuration section <c>FollowUps</c>: the personnel follow-ups a rating or a confidence vote opens for the competent
/// level (rules 30 and 38), their deadlines and reminders. The vote's quorum and the "more than half" share come from
/// the Party rule-set (QĐ366 leader settings), as the classification reads them.
/// </summary>
public sealed class FollowUpOptions
{
    public const string Section = "FollowUps";

    /// <summary>Days the head has to decide on the dismissal of a civil servant rated KHT (Decree 170 Art. 57.3: 30 days).</summary>
    public int DismissalDays { get; set; } = 30;

    /// <summary>
    /// Days to consider resignation, a lower post or removal after a vote or a leader's KHT. Decree 170 sets no number
    /// for the consideration itself; the default keeps it in step with the dismissal decision.
    /// </summary>
    public int ConsiderationDays { get; set; } = 30;

    /// <summary>"Consider removal" when the low-confidence ballots are more than this fraction of the valid ones (Art. 53: 2/3).</summary>
    public int RemovalAboveNumerator { get; set; } = 2;
    public int RemovalAboveDenominator { get; set; } = 3;

    /// <summary>Days before the due day on which the holder is reminded; after it, a weekly overdue reminder.</summary>
    public IReadOnlyList<int> ReminderDaysBefore { get; set; } = [7, 1];

    /// <summary>When new tasks are sent to their holders and reminders go out (Quartz cron, organisation time zone).</summary>
    public string Cron { get; set; } = "0 0/15 * * * ?";
}

public static class FollowUpLedgerSetup
{
    /// <summary>Binds and checks <see cref="FollowUpOptions"/>, and the ledger every feature opens its follow-ups with.</summary>
    public static IServiceCollection AddFollowUpLedger(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<FollowUpOptions>().Bind(configuration.GetSection(FollowUpOptions.Section))
            .Validate(o => o.DismissalDays is > 0 and <= 366 && o.ConsiderationDays is > 0 and <= 366, "FollowUps:DismissalDays and ConsiderationDays must be 1 to 366 days.")
            .Validate(o => o.RemovalAboveDenominator > 0 && o.RemovalAboveNumerator > 0 && o.RemovalAboveNumerator < o.RemovalAboveDenominator,
                "FollowUps:RemovalAboveNumerator/RemovalAboveDenominator must be a fraction between 0 and 1.")
            .Validate(o => o.ReminderDaysBefore.All(d => d is >= 0 and <= 60), "FollowUps:ReminderDaysBefore must be days from 0 to 60.")
            .Validate(o => Quartz.CronExpression.TryParse(o.Cron, out _), "FollowUps:Cron must be a valid Quartz cron expression.")
            .ValidateOnStart();
        services.AddScoped<FollowUpLedger>();
        return services;
    }
}
