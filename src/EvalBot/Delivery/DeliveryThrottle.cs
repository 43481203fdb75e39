using Microsoft.Extensions.Options;

namespace EvalBot.Delivery;

/// <summary>
/// Keeps the bot's calls to Teams within Teams' published limits, so a campaign to a whole province goes out as fast as
/// Teams allows without being throttled: requests of the app (EvalBot serves one tenant) are spaced evenly at
/// <see cref="DeliveryOptions.TenantRequestsPerSecond"/>, and each conversation keeps to every window of
/// <see cref="DeliveryOptions.ConversationLimits"/>. A 429 from Teams pushes every later request back by its
/// Retry-After. Each instance paces itself: with several instances, divide the rate among them.
/// </summary>
public sealed class DeliveryThrottle(TimeProvider time, IOptions<DeliveryOptions> options)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<DateTimeOffset>> _conversations = new(StringComparer.Ordinal);
    private DateTimeOffset _next = DateTimeOffset.MinValue;
    private DateTimeOffset _lastSweep = DateTimeOffset.MinValue;

    /// <summary>
    /// Reserves the moment a request to <paramref name="conversationId"/> (null: not about one conversation, such as
    /// creating a chat) may start, and returns how long to wait for it. A wait longer than zero for the conversation
    /// reserves nothing: the caller waits and asks again, so one busy conversation never holds the app's slots.
    /// </summary>
    public Reservation Reserve(string? conversationId)
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        lock (_gate)
        {
            SweepIdleConversations(now, settings);
            List<DateTimeOffset>? sent = null;
            if (conversationId is not null && settings.EnforceConversationLimits)
            {
                sent = SentTo(conversationId);
                var allowedAt = ConversationAllowedAt(sent, settings.EffectiveConversationLimits, now);
                if (allowedAt > now)
                {
                    return new Reservation(allowedAt - now, Reserved: false);
                }
            }

            var at = now;
            if (settings.TenantRequestsPerSecond > 0)
            {
                at = _next > now ? _next : now;
                _next = at + TimeSpan.FromSeconds(1.0 / settings.TenantRequestsPerSecond);
            }
            else if (_next > now)
            {
                at = _next;
            }

            sent?.Add(at);
            return new Reservation(at - now, Reserved: true);
        }
    }

    /// <summary>Teams answered 429: nothing more is sent before <paramref name="retryAfter"/> has passed.</summary>
    public void Backoff(TimeSpan retryAfter)
    {
        var until = time.GetUtcNow() + (retryAfter > TimeSpan.Zero ? retryAfter : TimeSpan.FromSeconds(1));
        lock (_gate)
        {
            if (until > _next)
            {
                _next = until;
            }
        }
    }

    /// <summary>Waits until a request to <paramref name="conversationId"/> may start.</summary>
    public async Task WaitAsync(string? conversationId, CancellationToken cancellationToken)
    {
        while (true)
        {
            var reservation = Reserve(conversationId);
            if (reservation.Delay > TimeSpan.Zero)
            {
                await Task.Delay(reservation.Delay, time, cancellationToken);
            }

            if (reservation.Reserved)
            {
                return;
            }
        }
    }

    /// <summary>The earliest moment one more message keeps every window: the count-th latest send must have left it.</summary>
    private static DateTimeOffset ConversationAllowedAt(List<DateTimeOffset> sent, IReadOnlyList<ConversationLimit> limits, DateTimeOffset now)
    {
        var allowed = now;
        foreach (var limit in limits)
        {
            if (limit.Count > 0 && sent.Count >= limit.Count)
            {
                var leaves = sent[^limit.Count] + limit.Window;
                if (leaves > allowed)
                {
                    allowed = leaves;
                }
            }
        }

        return allowed;
    }

    private List<DateTimeOffset> SentTo(string conversationId)
    {
        if (!_conversations.TryGetValue(conversationId, out var sent))
        {
            sent = [];
            _conversations[conversationId] = sent;
        }

        return sent;
    }

    /// <summary>Forgets sends older than the longest window, at most once a second, so memory follows the active chats.</summary>
    private void SweepIdleConversations(DateTimeOffset now, DeliveryOptions settings)
    {
        if (now - _lastSweep < TimeSpan.FromSeconds(1))
        {
            return;
        }

        _lastSweep = now;
        var longest = settings.EffectiveConversationLimits.Select(l => l.Window).DefaultIfEmpty(TimeSpan.Zero).Max();
        var horizon = now - longest;
        List<string>? idle = null;
        foreach (var (conversation, sent) in _conversations)
        {
            var stale = 0;
            while (stale < sent.Count && sent[stale] <= horizon)
            {
                stale++;
            }

            if (stale == sent.Count)
            {
                (idle ??= []).Add(conversation);
            }
            else if (stale > 0)
            {
                sent.RemoveRange(0, stale);
            }
        }

        foreach (var conversation in idle ?? [])
        {
            _conversations.Remove(conversation);
        }
    }

    /// <summary>How long to wait, and whether a slot was taken (false: wait, then ask again).</summary>
    public readonly record struct Reservation(TimeSpan Delay, bool Reserved);
}

/// <summary>At most <see cref="Count"/> messages to one conversation in any <see cref="Window"/>.</summary>
public sealed class ConversationLimit
{
    public int Count { get; set; }

    public TimeSpan Window { get; set; }
}
