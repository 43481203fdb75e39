using EvalBot.Domain.Calendar;
using Microsoft.Extensions.Options;

namespace EvalBot.Features.CheckIns.Campaigns;

public static class CampaignsSetup
{
    /// <summary>Registers the campaign engine, its options (<c>Campaigns</c>) and the working calendar (<c>Calendar</c>), validated at start-up.</summary>
    public static IServiceCollection AddCampaigns(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<CampaignOptions>()
            .Bind(configuration.GetSection(CampaignOptions.Section))
            .ValidateOnStart();
        services.AddOptions<CalendarOptions>()
            .Bind(configuration.GetSection(CalendarOptions.Section))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<CampaignOptions>, CampaignOptionsValidation>();
        services.AddSingleton<IValidateOptions<CalendarOptions>, CampaignOptionsValidation>();
        services.AddSingleton(sp => new WorkCalendar(sp.GetRequiredService<IOptions<CalendarOptions>>().Value.ToOptions()));
        services.AddSingleton<CampaignCalendar>();
        services.AddCampaignJobs();
        services.AddSingleton<EscalationCard>();
        services.AddScoped<CampaignAudience>();
        services.AddScoped<CampaignBatches>();
        services.AddSingleton<CampaignTiming>();
        services.AddScoped<CampaignMessages>();
        services.AddScoped<CampaignEscalation>();
        services.AddScoped<CampaignRunner>();
        services.AddScoped<CampaignTicker>();
        services.AddScoped<DeliveryReport>();
        services.AddBoardOperation<OpenPeriodOperation>();
        services.AddBoardOperation<ClosePeriodOperation>();
        services.AddBoardOperation<SendRemindersOperation>();
        return services;
    }
}
