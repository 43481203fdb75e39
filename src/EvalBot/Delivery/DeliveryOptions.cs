namespace EvalBot.Delivery;

/// <summary>Configuration section <c>Delivery</c>: the outbox sender.</summary>
public sealed class DeliveryOptions
{
    public const string Section = "Delivery";

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Whether a turn sends its replies itself as soon as it commits (claimed in the turn's own commit), rather than
    /// leaving them to the sender's next round. Off, every reply goes through the sender.
    /// </summary>
    public bool SendFromTurn { get; set; } = true;

    /// <summary>
    /// Rows claimed per round, capped at the sends the sender may start: rows are claimed only when they can be started
    /// at once, so a crash leaves at most <see cref="MaxConcurrency"/> rows of an instance claimed.
    /// </summary>
    public int BatchSize { get; set; } = 32;

    /// <summary>
    /// Messages in flight at once when Teams answers at once: enough to cover the outbox's own work between calls. The
    /// sender adds the calls that wait on Teams (the rate times the measured round trip, see
    /// <see cref="DeliveryThrottle.InFlightTarget"/>), up to <see cref="MaxConcurrency"/>.
    /// </summary>
    public int Concurrency { get; set; } = 8;

    /// <summary>
    /// The most messages in flight however slowly Teams answers; also the most rows of an instance a crash can leave
    /// claimed mid-send (README, "Deploy several instances").
    /// </summary>
    public int MaxConcurrency { get; set; } = 64;

    /// <summary>How long a claimed row stays reserved for this instance.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Sends of one message (each already retried inside the HTTP pipeline) before it is marked failed.</summary>
    public int MaxAttempts { get; set; } = 6;

    public TimeSpan RetryBackoff { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Requests per second to Teams from this instance, evenly spaced; 0 for no pacing. Teams allows 50 per app and
    /// tenant: the default keeps a small margin, since requests spaced exactly at the limit can still arrive bunched;
    /// the few that do draw a 429, which costs only a short hold (<see cref="ThrottleFirstHold"/>). With several
    /// instances, give each its share.
    /// </summary>
    public double TenantRequestsPerSecond { get; set; } = 49;

    /// <summary>
    /// How long a 429 from Teams holds back the app's later requests at first. Each 429 to a request sent after the last
    /// hold had ended, within one Retry-After of it, doubles the hold, up to the Retry-After Teams named; a quiet spell
    /// of one Retry-After starts again from this. A lone 429 at the pace means a few requests arrived bunched, and Teams'
    /// window has room again within a fraction of a second, so holding the whole app for the full Retry-After (one
    /// second: about 49 messages) costs more than it protects. The throttled request itself always waits its full
    /// Retry-After. Zero or a value at least the Retry-After: a 429 holds the app for its full Retry-After.
    /// </summary>
    public TimeSpan ThrottleFirstHold { get; set; } = TimeSpan.FromMilliseconds(125);

    /// <summary>Whether each conversation is held to <see cref="ConversationLimits"/>.</summary>
    public bool EnforceConversationLimits { get; set; } = true;

    /// <summary>
    /// Windows one conversation must keep to; unset means Teams' published per-conversation limits (7 per second,
    /// 8 per 2 seconds, 60 per 30 seconds, 1,800 per hour). Null by default because the configuration binder appends
    /// to a pre-filled list instead of replacing it.
    /// </summary>
    public List<ConversationLimit>? ConversationLimits { get; set; }

    /// <summary>The conversation limits in force.</summary>
    public IReadOnlyList<ConversationLimit> EffectiveConversationLimits => ConversationLimits is { Count: > 0 } limits ? limits : TeamsConversationLimits;

    /// <summary>How often rows claimed by a stopped instance are looked for.</summary>
    public TimeSpan RecoveryInterval { get; set; } = TimeSpan.FromSeconds(30);

    private static readonly ConversationLimit[] TeamsConversationLimits =
    [
        new() { Count = 7, Window = TimeSpan.FromSeconds(1) },
        new() { Count = 8, Window = TimeSpan.FromSeconds(2) },
        new() { Count = 60, Window = TimeSpan.FromSeconds(30) },
        new() { Count = 1800, Window = TimeSpan.FromHours(1) },
    ];
}
