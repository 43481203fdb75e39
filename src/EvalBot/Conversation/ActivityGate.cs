using EvalBot.Protocol;

namespace EvalBot.Conversation;

/// <summary>
/// The turn machinery's side of <see cref="IActivityHandler"/>: runs the activity through <see cref="TurnProcessor"/>
/// (which refuses, before anything is stored, an activity from another tenant than the organisation's and one from
/// someone else in a person's personal chat) and turns the result into the HTTP answer, logging refusals. An activity
/// with a value longer than the column that stores it (<see cref="ActivityLimits"/>) is refused before the turn starts.
/// </summary>
public sealed partial class ActivityGate(TurnProcessor processor, ILogger<ActivityGate> logger) : IActivityHandler
{
    public async Task<ActivityOutcome> HandleAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (ActivityLimits.FirstTooLong(activity) is { } field)
        {
            // As for an activity without a conversation (MessagesEndpoint): 400 for what EvalBot acts on, else ignored.
            LogTooLong(logger, field, activity.Type);
            return ActivityTypes.IsActedOn(activity.Type) ? ActivityOutcome.BadRequest : ActivityOutcome.Ok;
        }

        var result = await processor.ProcessAsync(activity, cancellationToken);
        switch (result.Refusal)
        {
            case TurnRefusal.OtherTenant:
                LogOtherTenant(logger, activity.TenantId, activity.Type);
                return ActivityOutcome.Forbidden;
            case TurnRefusal.NotTheOwner:
                LogNotTheOwner(logger, activity.Type);
                return ActivityOutcome.Forbidden;
            default:
                return result.Response is null ? ActivityOutcome.Ok : result.Response.ToOutcome();
        }
    }

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "Activity from another tenant refused: tenant {Tenant}, type {Type}")]
    private static partial void LogOtherTenant(ILogger logger, string? tenant, string? type);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Warning, Message = "Activity refused: {Field} is longer than EvalBot stores (type {Type})")]
    private static partial void LogTooLong(ILogger logger, string field, string? type);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Warning, Message = "Activity refused: the personal conversation belongs to another user (type {Type})")]
    private static partial void LogNotTheOwner(ILogger logger, string? type);
}
