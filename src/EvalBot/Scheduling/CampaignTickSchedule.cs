using EvalBot.Features.CheckIns.Campaigns;
using Microsoft.Extensions.Options;
using Quartz;

namespace EvalBot.Scheduling;

/// <summary>The campaign tick: one durable job and one interval trigger, both under fixed keys so restarts replace them.</summary>
public static class CampaignTickSchedule
{
    public static readonly TriggerKey TriggerKey = new("campaign-tick", "campaigns");

    public static IQuartzBuilder AddCampaignTick(this IQuartzBuilder quartz)
    {
        ArgumentNullException.ThrowIfNull(quartz);
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
        return quartz;
    }
}
