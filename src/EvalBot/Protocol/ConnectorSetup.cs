using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace EvalBot.Protocol;

/// <summary>Configuration section <c>Connector</c>: how hard to retry Teams before a send is reported as failed.</summary>
public sealed class ConnectorOptions
{
    public const string Section = "Connector";

    public int MaxRetryAttempts { get; set; } = 5;

    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Upper bound of one wait, including a server's Retry-After.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(60);

    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(15);
}

public static class ConnectorSetup
{
    public static IServiceCollection AddConnector(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ConnectorOptions>(configuration.GetSection(ConnectorOptions.Section));
        services.AddHttpClient<IConnectorClient, ConnectorClient>(ConnectorClient.HttpClientName, c => c.Timeout = Timeout.InfiniteTimeSpan)
            .AddResilienceHandler("connector-retry", (pipeline, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<ConnectorOptions>>().Value;
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = options.MaxRetryAttempts,
                    Delay = options.BaseDelay,
                    MaxDelay = options.MaxDelay,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    ShouldRetryAfterHeader = true,
                    ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome)),
                });
                pipeline.AddTimeout(options.AttemptTimeout);
            });
        return services;
    }

    /// <summary>429, 412 and gateway errors are worth another try; 400/401/403/404 never are.</summary>
    internal static bool IsTransient(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException or Polly.Timeout.TimeoutRejectedException } => true,
        { Result.StatusCode: HttpStatusCode.TooManyRequests or HttpStatusCode.PreconditionFailed or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout or HttpStatusCode.InternalServerError } => true,
        _ => false,
    };
}
