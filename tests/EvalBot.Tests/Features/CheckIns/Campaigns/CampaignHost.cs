using EvalBot.Delivery;
using EvalBot.Features.CheckIns.Campaigns;
using EvalBot.Persistence;
using EvalBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace EvalBot.Tests.Features.CheckIns.Campaigns;

/// <summary>
/// The app with the campaign engine, on a database file the test owns (so a second app can reopen it), with an
/// optional fake clock and without the outbox sender when a test only inspects what was queued.
/// </summary>
public static class CampaignHost
{
    public const string AdminKey = "campaign-admin-key";

    public static EvalBotFactory Create(string folder, FakeTimeProvider? clock = null, bool sender = true, bool scheduling = false, IDictionary<string, string?>? extra = null, Action<IServiceCollection>? configure = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:EvalBot"] = $"Data Source={Path.Combine(folder, "evalbot.db")};Pooling=False",
            ["Scheduling:Enabled"] = scheduling ? "true" : "false",
            ["Admin:ApiKey"] = AdminKey,
            ["Delivery:PollInterval"] = "00:00:00.050",
            // The organisation's tenant, as a deployment configures it: new chats are only opened in it.
            ["Bot:TenantId"] = CampaignSeed.Tenant,
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return new EvalBotFactory(settings, services =>
        {
            if (clock is not null)
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton<TimeProvider>(clock);
            }

            if (!sender)
            {
                var hosted = services.Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(OutboxSender)).ToList();
                hosted.ForEach(d => services.Remove(d));
                // Nothing is delivered: a turn's replies stay in the outbox too.
                services.Configure<DeliveryOptions>(o => o.SendFromTurn = false);
            }

            configure?.Invoke(services);
        });
    }

    public static string NewFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "evalbot-campaigns", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    public static async Task<T> InScopeAsync<T>(this EvalBotFactory app, Func<IServiceProvider, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(work);
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public static Task<CampaignStepResult> OpenAsync(this EvalBotFactory app, string period, CancellationToken cancellationToken = default) =>
        app.InScopeAsync(sp => sp.GetRequiredService<CampaignRunner>().OpenAsync(period, "admin", cancellationToken));

    public static Task<IReadOnlyList<CampaignStepResult>> TickAsync(this EvalBotFactory app) =>
        app.InScopeAsync(sp => sp.GetRequiredService<CampaignTicker>().TickAsync(CancellationToken.None));

    public static Task SeedAsync(this EvalBotFactory app, Func<EvalBotDbContext, Task> seed) =>
        app.InScopeAsync<bool>(async sp =>
        {
            var db = sp.GetRequiredService<EvalBotDbContext>();
            await seed(db);
            await db.SaveChangesAsync();
            return true;
        });
}
