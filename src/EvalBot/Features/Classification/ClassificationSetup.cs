using EvalBot.Conversation;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EvalBot.Features.Classification;

public static class ClassificationSetup
{
    /// <summary>The annual compile, decisions, publication, export and their jobs; options in <c>Classification</c>, validated at start-up.</summary>
    public static IServiceCollection AddClassification(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ClassificationOptions>()
            .Bind(configuration.GetSection(ClassificationOptions.Section))
            .Validate(o => Quartz.CronExpression.TryParse(o.CompileCron, out _) && Quartz.CronExpression.TryParse(o.ReminderCron, out _),
                "Classification:CompileCron and Classification:ReminderCron must be valid Quartz cron expressions.")
            .Validate(o => TimeZoneInfo.TryFindSystemTimeZoneById(o.TimeZone, out _), "Classification:TimeZone must be a known time zone.")
            .Validate(o => ValidDay(o.StateDeadline) && ValidDay(o.PartyDeadline), "Classification:StateDeadline and PartyDeadline must be MM-dd.")
            .ValidateOnStart();
        services.AddScoped<PersonYearBuilder>();
        services.AddScoped<ClassificationStore>();
        services.AddScoped<ReviewSteps>();
        services.AddScoped<QuotaReview>();
        services.AddScoped<DecisionCard>();
        services.AddScoped<DecisionNotices>();
        services.AddScoped<ResultCard>();
        services.AddScoped<ClassificationPublisher>();
        services.AddScoped<HashChain>();
        services.AddScoped<ClassificationDecisions>();
        services.AddScoped<Rerating>();
        services.AddScoped<CompileReports>();
        services.AddScoped<AnnualCompiler>();
        services.AddScoped<ClassificationListCard>();
        services.AddScoped<ICardActionHandler, ClassificationActions>();
        services.AddScoped<CompetentCasesCard>();
        services.AddScoped<ICardActionHandler, AuthorityActions>();
        services.AddScoped<IBoardYearStatus, BoardYearStatus>();
        services.AddBoardOperation<CompileBoardOperation>();
        services.AddScoped<ICommandHandler, ClassificationCommand>();
        services.AddCommandTopic(ClassificationCommand.Topic);
        services.AddScoped<SelfAssessmentCard>();
        services.AddScoped<SelfAssessmentInvitations>();
        services.AddScoped<ICommandHandler, SelfAssessmentCommand>();
        services.AddScoped<ICardActionHandler, SelfAssessmentActions>();
        services.AddCommandTopic(SelfAssessmentCommand.Topic);
        services.AddExport(configuration);
        services.AddClassificationJobs();
        // After the demo seeder (registered with the organisation, earlier): the demo's past years, decided.
        services.AddHostedService<DemoYears>();
        return services;
    }

    /// <summary>The official list in a personal chat: <c>xuất</c> / <c>export</c>, the file consent answer, the download link.</summary>
    private static void AddExport(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ExportOptions>()
            .Bind(configuration.GetSection(ExportOptions.Section))
            .Validate(o => o.LinkLifetime > TimeSpan.Zero && o.ConsentLifetime > TimeSpan.Zero && o.UploadTimeout > TimeSpan.Zero,
                "Export:LinkLifetime, Export:ConsentLifetime and Export:UploadTimeout must be positive.")
            .ValidateOnStart();
        services.TryAddScoped<SummaryAccess>();
        services.AddScoped<ClassificationExport>();
        services.AddScoped<ExportAccess>();
        services.AddScoped<ExportGrants>();
        services.AddScoped<ExportOffer>();
        services.AddScoped<FileUploader>();
        services.AddHttpClient(FileUploader.HttpClientName, (sp, client) =>
            client.Timeout = sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<ExportOptions>>().Value.UploadTimeout);
        services.AddScoped<ExportCommand>();
        services.AddScoped<ICommandHandler>(sp => sp.GetRequiredService<ExportCommand>());
        services.AddScoped<ICardActionHandler>(sp => sp.GetRequiredService<ExportCommand>());
        services.AddScoped<IFileConsentHandler, ExportConsent>();
        services.AddCommandTopic(ExportCommand.Topic);
    }

    private static bool ValidDay(string text) =>
        DateOnly.TryParseExact("2000-" + text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _);
}
