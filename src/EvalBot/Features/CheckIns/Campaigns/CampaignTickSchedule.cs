using Microsoft.Extensions.Options;
using Quartz;

namespace EvalBot.Features.CheckIns.Campaigns;

/// <summary>
/// The campaign tick: one durable job and one interval trigger, both under fixed keys so restarts replace them. Added to
/// every Quartz scheduler the way each feature adds its jobs (<c>ConfigureAllQuartzSchedulers</c>), so the Quartz wiring
/// in <c>Scheduling/</c> knows no feature.
/// </summary>
public static class CampaignTickSchedule
{
    public static readonly TriggerKey TriggerKey = new("campaign-tick", "campaigns");

    public static IServiceCollection AddCampaignJobs(this IServiceCollection services)
    {
        services.ConfigureAllQuartzSchedulers(quartz =>
        {
            quartz.AddJob<CampaignTickJob>(job => job
                .WithIdentity(CampaignTickJob.Key)
                .WithDescription("Opens, reminds, escalates and closes check-in campaigns when due")
                .StoreDurably());
            quartz.AddTrigger<CampaignTickJob>((services, trigger) => trigger
                .ForJob(CampaignTickJob.Key)
                .WithIdentity(TriggerKey)
                .StartNow()
                .WithSimpleSchedule(schedule => schedule
                    .WithInterval(services.GetRequiredService<IOptions<CampaignOptions>>().Value.TickInterval)
                    .RepeatForever()
                    .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NowWithExistingCount)));
        });
        return services;
    }
}
