using EvalBot.Conversation;

namespace EvalBot.Features.Party;

public static class PartySetup
{
    /// <summary>
    /// The Party track (Regulation 366-QĐ/TW): the year's round opened from the admin API, the <c>đảng viên</c> /
    /// <c>party</c> command and the three steps on the Party rating card.
    /// </summary>
    public static IServiceCollection AddParty(this IServiceCollection services)
    {
        services.AddScoped<PartyDirectory>();
        services.AddScoped<PartyConditions>();
        services.AddScoped<PartyRound>();
        services.AddScoped<PartyCard>();
        services.AddScoped<PartySteps>();
        services.AddScoped<PartyNotices>();
        services.AddScoped<ICardActionHandler, PartyActions>();
        services.AddScoped<ICommandHandler, PartyCommand>();
        services.AddCommandTopic(PartyCommand.Topic);
        return services;
    }
}
