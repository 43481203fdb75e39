using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using EvalBot.Persistence;

namespace EvalBot.Tests.Support;

/// <summary>
/// The real app in a test host, on its own SQLite file, with settings overridden per test.
/// Call <see cref="WebApplicationFactory{T}.UseKestrel(int)"/> before start when a real client (the Playground) must reach it.
/// </summary>
public sealed class EvalBotFactory : WebApplicationFactory<Program>
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "evalbot-tests", Guid.NewGuid().ToString("N"));
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;

    /// <summary>Everything the app logged at Information or above.</summary>
    public CapturedLogs Logs { get; } = new();

    public EvalBotFactory(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        _services = services;
        Directory.CreateDirectory(_folder);
        _settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:EvalBot"] = $"Data Source={Path.Combine(_folder, "evalbot.db")};Pooling=False",
            ["EvalBot:SeedDemo"] = "false",
            // Development's appsettings carry a demo admin key; tests start with the admin API off and set a key when they need one.
            ["Admin:ApiKey"] = "",
            ["Delivery:PollInterval"] = "00:00:00.200",
            ["Connector:BaseDelay"] = "00:00:00.050",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Development");
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        if (_services is not null)
        {
            builder.ConfigureServices(_services);
        }
    }

    /// <summary>Runs a query against the app's database in a fresh scope.</summary>
    public async Task<T> QueryAsync<T>(Func<EvalBotDbContext, Task<T>> query)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<EvalBotDbContext>());
    }

    /// <summary>
    /// Installs the app in the Playground user's personal chat and waits until the bot knows that chat with the user's
    /// account. The Playground answers the install at once and posts installationUpdate and conversationUpdate after,
    /// so a proactive message sent straight away would not find the chat yet and would try to open another one.
    /// </summary>
    public async Task InstallAsync(AgentsPlayground client, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        await client.InstallAsync();
        var chat = client.PersonalChatId;
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        while (!await QueryAsync(db => db.ConversationReferences.AnyAsync(c => c.ConversationId == chat && c.UserAadObjectId != null && c.IsActive, cts.Token)))
        {
            await Task.Delay(50, cts.Token);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by SQLite on some platforms; the temp folder is cleaned by the OS later.
        }
    }
}
