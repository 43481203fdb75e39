using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EvalBot.Tests.Reliability;

/// <summary>
/// A Bot Connector on loopback whose next answers are scripted with faults the status-code fake cannot make: never
/// answering within the attempt timeout, closing the connection mid-request, 429 without Retry-After. Then 201.
/// </summary>
public sealed class ScriptedTeams : IAsyncDisposable
{
    public enum Fault
    {
        Hang,
        Reset,
        TooManyRequestsWithoutRetryAfter,
        ServerError,
    }

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Fault> _script = new();
    private int _attempts;
    private int _delivered;

    private ScriptedTeams(WebApplication app) => _app = app;

    public string ServiceUrl { get; private set; } = "";

    public int Attempts => _attempts;

    public int Delivered => _delivered;

    /// <summary>When set, every call fails this way (the script is ignored).</summary>
    public Fault? Always { get; set; }

    public static async Task<ScriptedTeams> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var teams = new ScriptedTeams(app);
        app.Run(teams.HandleAsync);
        await app.StartAsync();
        teams.ServiceUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/teams/";
        return teams;
    }

    public void Then(params Fault[] faults)
    {
        foreach (var fault in faults)
        {
            _script.Enqueue(fault);
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        Interlocked.Increment(ref _attempts);
        Fault? fault = Always ?? (_script.TryDequeue(out var next) ? next : null);
        switch (fault)
        {
            case Fault.Hang:
                // Never answers: the bot's attempt timeout cancels the request, which ends this wait.
                await Task.Delay(TimeSpan.FromSeconds(60), context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
                return;
            case Fault.Reset:
                context.Abort();
                return;
            case Fault.TooManyRequestsWithoutRetryAfter:
                context.Response.StatusCode = 429;
                return;
            case Fault.ServerError:
                context.Response.StatusCode = 500;
                return;
        }

        Interlocked.Increment(ref _delivered);
        context.Response.StatusCode = 201;
        await context.Response.WriteAsJsonAsync(new { id = "activity-" + _delivered });
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
