using Microsoft.Extensions.Options;

namespace EvalBot.Features.PeerFeedback;

/// <summary>
/// Refuses settings that would weaken anonymity or turn evidence into points: a threshold below 2 would show single
/// answers; a non-zero weight would score people on a formula no rule-set provides.
/// </summary>
public sealed class PeerFeedbackOptionsValidation : IValidateOptions<PeerFeedbackOptions>
{
    public ValidateOptionsResult Validate(string? name, PeerFeedbackOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (options.MinAnswers < 2)
        {
            errors.Add("PeerFeedback:MinAnswers must be at least 2: a smaller threshold would show one person's answer.");
        }

        if (options.ReviewersPerPerson is < 1 or > 20 || options.ReviewersPerPersonByUnit.Values.Any(k => k is < 1 or > 20))
        {
            errors.Add("PeerFeedback:ReviewersPerPerson (and each ReviewersPerPersonByUnit value) must be between 1 and 20.");
        }

        if (options.MaxRequestsPerReviewer is < 1 or > 50)
        {
            errors.Add("PeerFeedback:MaxRequestsPerReviewer must be between 1 and 50.");
        }

        if (options.MaxTextLength is < 100 or > 4000)
        {
            errors.Add("PeerFeedback:MaxTextLength must be between 100 and 4000.");
        }

        if (options.PointsWeight != 0)
        {
            errors.Add("PeerFeedback:PointsWeight must be 0: no rule-set maps peer feedback to points (it is evidence for the leader, domain rules §6 and rule 37).");
        }

        if (options.TickInterval < TimeSpan.FromSeconds(10) || options.ReminderWithCampaignReminder < 0)
        {
            errors.Add("PeerFeedback:TickInterval must be at least 10 seconds and ReminderWithCampaignReminder not negative.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
