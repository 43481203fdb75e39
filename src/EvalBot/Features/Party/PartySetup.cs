using EvalBot.Conversation;
using EvalBot.Domain.Calendar;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace EvalBot.Features.Party;

public static class PartySetup
{
    /// <summary>
    /// The Party track (Regulation 366-QĐ/TW): the year's round opened from the admin API, the <c>đảng viên</c> /
    /// <c>party</c> command and the three steps on the Party rating card; the member's quarterly self-assessment (Form 05)
    /// filled from each confirmed check-in through the core's <see cref="ICheckInConfirmations"/>.
    /// </summary>
    public static IServiceCollection AddParty(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PartyOptions>().Bind(configuration.GetSection(PartyOptions.Section))
            .Validate(o => o.DraftWorkingDaysBeforeMeeting is >= 0 and <= 30, "Party:DraftWorkingDaysBeforeMeeting must be 0 to 30 working days.")
            .Validate(o => o.HigherAwardConsecutiveYears is >= 2 and <= 10, "Party:HigherAwardConsecutiveYears must be 2 to 10 years.")
            .Validate(o => o.OldUnitCommentMinMonths is >= 0 and <= 12, "Party:OldUnitCommentMinMonths must be 0 to 12 months.")
            .Validate(o => DateOnly.TryParseExact("2000-" + o.Deadline, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _),
                "Party:Deadline must be MM-dd.")
            .Validate(o => DateOnly.TryParseExact("2000-" + o.SpecialDeadline, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _),
                "Party:SpecialDeadline must be MM-dd.")
            .Validate(o => o.ReminderDaysBefore.All(d => d is >= 0 and <= 60), "Party:ReminderDaysBefore must be days from 0 to 60.")
            .Validate(o => Quartz.CronExpression.TryParse(o.ReminderCron, out _), "Party:ReminderCron must be a valid Quartz cron expression.")
            .ValidateOnStart();
        services.TryAddSingleton(sp => new WorkCalendar(sp.GetRequiredService<IOptions<CalendarOptions>>().Value.ToOptions()));
        services.AddScoped<PartyMeetingDays>();
        services.AddScoped<PartyDirectory>();
        services.AddScoped<PartyConditions>();
        services.AddScoped<PartyRound>();
        services.AddScoped<PartyCard>();
        services.AddScoped<PartySteps>();
        services.AddScoped<PartyNotices>();
        services.AddScoped<PartyExport>();
        services.AddScoped<PartyQuota>();
        services.AddScoped<PartyHonours>();
        services.AddScoped<PartyPublication>();
        services.AddScoped<PartyReminders>();
        services.AddScoped<PartyRerating>();
        services.AddScoped<PartyDossier>();
        services.AddScoped<PartyQuarterLinks>();
        services.AddScoped<PartyQuarterCard>();
        services.AddScoped<ICheckInConfirmations, PartyQuarterRecords>();
        services.AddScoped<IPartyStandings, PartyStandings>();
        services.AddScoped<IBoardAttention, PartyBoardAttention>();
        services.AddPartyJobs();
        services.AddScoped<ICardActionHandler, PartyActions>();
        services.AddScoped<ICommandHandler, PartyCommand>();
        services.AddCommandTopic(PartyCommand.Topic);
        return services;
    }
}
