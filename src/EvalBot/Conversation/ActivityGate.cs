using EvalBot.Delivery;
using EvalBot.Protocol;

namespace EvalBot.Conversation;

/// <summary>
/// The turn machinery's side of <see cref="IActivityHandler"/>: refuses, before anything is stored, an activity from
/// another tenant than the organisation's and one from someone else in a person's personal chat; hands every other
/// activity to <see cref="TurnProcessor"/>. A redelivery keeps its first answer even when that very activity taught the
/// bot something since (the owner of its chat, the tenant pinned from it); another tenant named outright never does.
/// </summary>
public sealed partial class ActivityGate(TurnProcessor processor, OrganisationTenant tenant, ConversationReferences references, ILogger<ActivityGate> logger) : IActivityHandler
{
    public async Task<ActivityOutcome> HandleAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var redelivery = await processor.WasProcessedAsync(activity, cancellationToken);
        if (!await tenant.AcceptsAsync(activity.TenantId, acceptUnnamed: redelivery, cancellationToken))
        {
            // Another organisation's tenant (or none): nothing is stored, nobody is served as one of our people.
            LogOtherTenant(logger, activity.TenantId, activity.Type);
            return ActivityOutcome.Forbidden;
        }

        if (!redelivery && await references.IsSomeoneElsesAsync(activity, cancellationToken))
        {
            LogNotTheOwner(logger, activity.Type);
            return ActivityOutcome.Forbidden;
        }

        var response = await processor.ProcessAsync(activity, cancellationToken);
        return response is null ? ActivityOutcome.Ok : response.ToOutcome();
    }

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "Activity from another tenant refused: tenant {Tenant}, type {Type}")]
    private static partial void LogOtherTenant(ILogger logger, string? tenant, string? type);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Warning, Message = "Activity refused: the personal conversation belongs to another user (type {Type})")]
    private static partial void LogNotTheOwner(ILogger logger, string? type);
}
