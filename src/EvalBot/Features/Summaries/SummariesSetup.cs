using EvalBot.Conversation;

namespace EvalBot.Features.Summaries;

public static class SummariesSetup
{
    /// <summary>
    /// The summary commands. Peer-feedback aggregates appear only when the feedback feature registers an
    /// <see cref="IFeedbackSummaries"/>; none is registered here on purpose.
    /// </summary>
    public static IServiceCollection AddSummaries(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddScoped<SummaryAccess>();
        services.AddScoped<SummaryPeople>();
        services.AddScoped<Provisional>();
        services.AddScoped<PersonSummaryCard>();
        services.AddScoped<UnitSummaryCard>();
        services.AddScoped<DossierCard>();
        services.AddScoped<SummaryResponder>();
        services.AddScoped<ICommandHandler, SummaryCommand>();
        services.AddCommandTopic(SummaryCommand.Topic);
        services.AddScoped<ICommandHandler, UnitCommand>();
        services.AddCommandTopic(UnitCommand.Topic);
        services.AddScoped<ICommandHandler, DossierCommand>();
        services.AddCommandTopic(DossierCommand.Topic);
        services.AddScoped<ICardActionHandler, SummaryShowAction>();
        services.AddScoped<ICardActionHandler, UnitRemindAction>();
        return services;
    }
}
