using System.Text.Json;
using EvalBot.Protocol.Auth;
using Microsoft.Extensions.Options;

namespace EvalBot.Protocol;

/// <summary>
/// <c>POST /api/messages</c>: the Bot Framework endpoint. 413 for oversized bodies, 400 for malformed activities,
/// 401 for bad tokens (nothing stored), then whatever the <see cref="IActivityHandler"/> answers (403 when it refuses,
/// the invoke response in the HTTP body, 200 for everything else).
/// Other verbs get 405 from routing.
/// </summary>
public static partial class MessagesEndpoint
{
    public static IEndpointRouteBuilder MapMessagesEndpoint(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/messages", HandleAsync);
        return endpoints;
    }

    private static async Task<IResult> HandleAsync(
        HttpRequest request,
        IChannelRequestAuthenticator authenticator,
        IActivityHandler handler,
        IOptions<ProtocolOptions> options,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(MessagesEndpoint));
        var limit = options.Value.MaxActivityBytes;
        if (request.ContentLength > limit)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        var body = await ReadLimitedAsync(request.Body, limit, cancellationToken);
        if (body is null)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        Activity? activity;
        try
        {
            activity = JsonSerializer.Deserialize<Activity>(body, ProtocolJson.Options);
        }
        catch (JsonException ex)
        {
            LogMalformed(logger, ex.Message);
            return Results.BadRequest();
        }

        if (activity is null || string.IsNullOrWhiteSpace(activity.Type))
        {
            return Results.BadRequest();
        }

        var auth = await authenticator.AuthenticateAsync(request.Headers.Authorization.FirstOrDefault(), activity.ChannelId, activity.ServiceUrl, cancellationToken);
        if (!auth.Succeeded)
        {
            LogUnauthorized(logger, auth.FailureReason);
            return Results.Unauthorized();
        }

        if (!IsRoutable(activity))
        {
            // Every activity EvalBot acts on needs a conversation and an absolute http(s) serviceUrl to answer to.
            return ActivityTypes.IsActedOn(activity.Type) ? Results.BadRequest() : Results.Ok();
        }

        var outcome = await handler.HandleAsync(activity, cancellationToken);
        return outcome.Body is null
            ? Results.StatusCode(outcome.Status)
            : Results.Json(outcome.Body, ProtocolJson.Options, statusCode: outcome.Status);
    }

    private static bool IsRoutable(Activity activity) =>
        activity.Conversation?.Id is { Length: > 0 }
        && Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    /// <summary>Reads the body, or returns null when it is larger than the limit (chunked bodies have no Content-Length).</summary>
    private static async Task<byte[]?> ReadLimitedAsync(Stream body, int limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning, Message = "Malformed activity rejected: {Reason}")]
    private static partial void LogMalformed(ILogger logger, string reason);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "Unauthenticated request rejected: {Reason}")]
    private static partial void LogUnauthorized(ILogger logger, string? reason);
}
