using Microsoft.Extensions.Options;

namespace EvalBot.Core;

/// <summary>Stops start-up with every problem of the <c>Campaigns</c> and <c>Calendar</c> sections named.</summary>
public sealed class CampaignOptionsValidation : IValidateOptions<CampaignOptions>, IValidateOptions<CalendarOptions>
{
    public ValidateOptionsResult Validate(string? name, CampaignOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Result("Campaigns", options.Validate());
    }

    public ValidateOptionsResult Validate(string? name, CalendarOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Result("Calendar", options.ToOptions().Validate());
    }

    private static ValidateOptionsResult Result(string section, IReadOnlyList<string> errors) =>
        errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors.Select(e => $"{section}: {e}"));
}
