using EvalBot.Conversation;

namespace EvalBot.Features.CheckIns;

public static class CheckInsSetup
{
    public static IServiceCollection AddCheckIns(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CheckInOptions>()
            .Bind(configuration.GetSection(CheckInOptions.Section))
            .Validate(o => o.GeneralCriteria.Count > 0 && o.GeneralCriteria.All(c => c.Id.Length > 0 && c.Weight > 0) && o.GeneralCriteria.Select(c => c.Id).Distinct().Count() == o.GeneralCriteria.Count,
                "CheckIns:GeneralCriteria needs at least one criterion, each with a unique id and a positive weight.")
            .ValidateOnStart();
        services.AddSingleton<CheckInScoring>();
        services.AddSingleton<CheckInViews>();
        services.AddScoped<CheckInRepository>();
        services.AddScoped<CheckInForm>();
        services.AddScoped<LeaderReview>();
        services.AddScoped<ICardActionHandler, CheckInActions>();
        services.AddScoped<ICardActionHandler, ReviewActions>();
        services.AddScoped<ICommandHandler, CheckInCommand>();
        services.AddCommandTopic(CheckInCommand.Topic);
        return services;
    }
}
