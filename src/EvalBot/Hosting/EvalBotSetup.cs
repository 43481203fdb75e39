using EvalBot.Admin;
using EvalBot.Cards;
using EvalBot.Conversation;
using EvalBot.Delivery;
using EvalBot.Features.Board;
using EvalBot.Features.CheckIns;
using EvalBot.Features.CheckIns.Campaigns;
using EvalBot.Features.Classification;
using EvalBot.Features.FollowUps;
using EvalBot.Features.Organisation;
using EvalBot.Features.Party;
using EvalBot.Features.PeerFeedback;
using EvalBot.Features.Review;
using EvalBot.Features.Summaries;
using EvalBot.Features.Help;
using EvalBot.Features.Welcome;
using EvalBot.Operations;
using EvalBot.Persistence;
using EvalBot.Protocol;
using EvalBot.Protocol.Auth;
using EvalBot.Rules;
using EvalBot.Scheduling;

namespace EvalBot.Hosting;

/// <summary>The composition of the app: every area registers here, in one place.</summary>
public static class EvalBotSetup
{
    public static WebApplicationBuilder AddEvalBot(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var configuration = builder.Configuration;
        if (ListeningAddress.DefaultWhenUnset(configuration, builder.Environment) is { } address)
        {
            builder.WebHost.UseUrls(address);
        }

        AddCore(services, configuration);
        services.Configure<ProtocolOptions>(configuration.GetSection(ProtocolOptions.Section));
        services.Configure<DeliveryOptions>(configuration.GetSection(DeliveryOptions.Section));
        services.AddPersistence(configuration);
        services.AddOrganisation();
        services.AddBotAuthentication(configuration);
        // Rates are about real seconds on the wire, never the business clock that tests or a rehearsal may move.
        services.AddSingleton(sp => new DeliveryThrottle(TimeProvider.System, sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<DeliveryOptions>>()));
        services.AddTransient<AppPacingHandler>();
        services.AddTransient<ThrottleFeedbackHandler>();
        // Handlers wrap in the order they are added: the pacing before the connector's retry pipeline (outside it), the
        // 429 feedback after it (inside it, so every attempt's 429 reaches the throttle).
        services.AddHttpClient(ConnectorClient.HttpClientName).AddHttpMessageHandler<AppPacingHandler>();
        services.AddConnector(configuration);
        services.AddHttpClient(ConnectorClient.HttpClientName).AddHttpMessageHandler<ThrottleFeedbackHandler>();
        services.AddCards(configuration);
        services.AddRuleSets(configuration);
        services.AddCheckIns(configuration);
        services.AddCampaigns(configuration);
        services.AddSummaries(configuration);
        services.AddClassification(configuration);
        services.AddBoard(configuration);
        services.AddPeerFeedback(configuration);
        services.AddParty(configuration);
        services.AddFollowUps();
        services.AddReview();
        services.AddScoped<IFeedbackSummaries, PeerFeedbackSummaries>();
        services.AddScheduling(configuration);
        services.AddOperations(configuration);

        services.Configure<Admin.AdminOptions>(configuration.GetSection(Admin.AdminOptions.Section));
        services.AddScoped<Auditing.AuditLog>();
        services.AddScoped<ConversationReferences>();
        services.AddScoped<IActivityHandler, ActivityGate>();
        services.AddSingleton<OrganisationTenant.Pin>();
        services.AddScoped<OrganisationTenant>();
        services.AddScoped<ProactiveAddressing>();
        AddOutbox(services);
        services.AddSingleton<TurnHandlers>();
        services.AddScoped<TurnRouter>();
        services.AddScoped<TurnProcessor>();

        services.AddSingleton<ErrorCards>();
        services.AddHelp();
        services.AddWelcome();
        return builder;
    }

    /// <summary>The outbox: written in units of work, sent by the sender's loop and by turns, its marks batched.</summary>
    private static void AddOutbox(IServiceCollection services)
    {
        services.AddScoped<OutboxWriter>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<OutboxInstance>();
        services.AddSingleton<OutboxDispatch>();
        // The marks stop last (hosted services stop in reverse order), writing what the senders delivered until then.
        services.AddSingleton<SentMarks>();
        services.AddHostedService(sp => sp.GetRequiredService<SentMarks>());
        services.AddHostedService<OutboxSender>();
        services.AddSingleton<TurnDelivery>();
        services.AddHostedService(sp => sp.GetRequiredService<TurnDelivery>());
    }

    /// <summary>The shared core every feature may use: the clock, the organisation's day, complaint periods, follow-ups, the public address.</summary>
    private static void AddCore(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<OrganisationClock>();
        services.AddComplaints(configuration);
        services.AddFollowUpLedger(configuration);
        services.AddHttpContextAccessor();
        services.AddScoped<PublicAddress>();
    }

    public static WebApplication MapEvalBot(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapMessagesEndpoint();
        var admin = app.MapAdminGroup();
        admin.MapCampaignAdmin();
        admin.MapClassificationAdmin();
        admin.MapReviewAdmin();
        admin.MapFeedbackAdmin();
        admin.MapPartyAdmin();
        admin.MapOrganisationAdmin();
        admin.MapOperationsAdmin();
        app.MapExportLinks();
        app.MapGet("/healthz", async (DatabaseReadiness readiness, EvalBotDbContext db, CancellationToken ct) =>
            readiness.IsReady && await db.Database.CanConnectAsync(ct) ? Results.Ok("ok") : Results.StatusCode(StatusCodes.Status503ServiceUnavailable));
        return app;
    }
}
