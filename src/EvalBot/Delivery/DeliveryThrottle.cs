using Microsoft.Extensions.Options;

namespace EvalBot.Delivery;

/// <summary>
/// Keeps the bot's calls to Teams within Teams' published limits, so a campaign to a whole province goes out as fast as
/// Teams allows without being throttled: each conversation keeps to every window of
/// <see cref="DeliveryOptions.ConversationLimits"/> (the outbox sender waits for that before it marks a row as
/// sending); every request of the app (EvalBot serves one tenant) is spaced evenly at
/// <see cref="DeliveryOptions.TenantRequestsPerSecond"/>, and no more than that many attempts, retries included, leave
/// in any second. A 429 from Teams holds every later request back for a while, longer while 429s go on, up to the
/// Retry-After Teams named (see <see cref="Backoff"/>). Each instance paces itself:
/// with several instances, divide the rate.
/// </summary>
public sealed class DeliveryThrottle(TimeProvider time, IOptions<DeliveryOptions> options)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<DateTimeOffset>> _conversations = new(StringComparer.Ordinal);
    private readonly Queue<DateTimeOffset> _lastSecond = new();
    private DateTimeOffset _next = DateTimeOffset.MinValue;
    private DateTimeOffset _lastSweep = DateTimeOffset.MinValue;
    private DateTimeOffset _holdStarted = DateTimeOffset.MinValue;
    private DateTimeOffset _holdEnds = DateTimeOffset.MinValue;
    private int _holdStreak;
    private double _roundTripSeconds;

    /// <summary>
    /// Reserves a send to <paramref name="conversationId"/> if every window of the conversation has room now; otherwise
    /// reserves nothing and returns how long to wait before asking again.
    /// </summary>
    public Reservation ReserveConversation(string conversationId)
    {
        var settings = options.Value;
        if (!settings.EnforceConversationLimits)
        {
            return new Reservation(TimeSpan.Zero, Reserved: true);
        }

        var now = time.GetUtcNow();
        lock (_gate)
        {
            SweepIdleConversations(now, settings);
            var sent = SentTo(conversationId);
            var allowedAt = ConversationAllowedAt(sent, settings.EffectiveConversationLimits, now);
            if (allowedAt > now)
            {
                return new Reservation(allowedAt - now, Reserved: false);
            }

            sent.Add(now);
            return new Reservation(TimeSpan.Zero, Reserved: true);
        }
    }

    /// <summary>
    /// Reserves the app's next slot (requests evenly spaced at the configured rate, none before a 429's Retry-After has
    /// passed) and returns how long to wait for it. Taken by the connector's HTTP pipeline, after the outbox's own
    /// database work, so the spacing survives whatever the caller did before.
    /// </summary>
    public TimeSpan ReserveAppSlot()
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        lock (_gate)
        {
            var at = _next > now ? _next : now;
            if (settings.TenantRequestsPerSecond > 0)
            {
                _next = at + TimeSpan.FromSeconds(1.0 / settings.TenantRequestsPerSecond);
            }

            return at - now;
        }
    }

    /// <summary>
    /// Teams answered 429 to a request sent at <paramref name="sentAt"/>: the app's later requests are held back, first
    /// for <see cref="DeliveryOptions.ThrottleFirstHold"/>, doubling while requests sent after a hold are throttled
    /// again, never longer than <paramref name="retryAfter"/> (one second when Teams named none). A request that was
    /// already in flight when the last hold began adds nothing: its 429 is the one that hold answers.
    /// </summary>
    public void Backoff(TimeSpan retryAfter, DateTimeOffset sentAt)
    {
        var full = retryAfter > TimeSpan.Zero ? retryAfter : TimeSpan.FromSeconds(1);
        var first = options.Value.ThrottleFirstHold;
        var now = time.GetUtcNow();
        lock (_gate)
        {
            if (sentAt < _holdStarted)
            {
                return;
            }

            _holdStreak = sentAt <= _holdEnds + full ? _holdStreak + 1 : 0;
            var hold = first <= TimeSpan.Zero || first >= full
                ? full
                : TimeSpan.FromTicks((long)Math.Min(full.Ticks, first.Ticks * Math.Pow(2, Math.Min(_holdStreak, 30))));
            _holdStarted = now;
            _holdEnds = now + hold;
            if (_holdEnds > _next)
            {
                _next = _holdEnds;
            }
        }
    }

    /// <summary>
    /// One attempt's round trip to Teams, as the connector's pipeline measured it: kept as a moving average (each new
    /// measure weighs a fifth), so a slow spell raises the sender's concurrency within a few calls and a fast one lowers it.
    /// </summary>
    public void RecordRoundTrip(TimeSpan elapsed)
    {
        var seconds = Math.Max(0, elapsed.TotalSeconds);
        lock (_gate)
        {
            _roundTripSeconds = _roundTripSeconds == 0 ? seconds : _roundTripSeconds + ((seconds - _roundTripSeconds) / 5);
        }
    }

    /// <summary>The average round trip of the latest attempts; zero before the first.</summary>
    public TimeSpan RoundTrip
    {
        get
        {
            lock (_gate)
            {
                return TimeSpan.FromSeconds(_roundTripSeconds);
            }
        }
    }

    /// <summary>
    /// How many sends the outbox keeps in flight so the app's rate holds whatever Teams' latency (Little's law): the
    /// configured <see cref="DeliveryOptions.Concurrency"/> for the outbox's own work, plus the rate times the round
    /// trip, with a quarter's margin, for the calls waiting on Teams (whole calls only, so a Teams that answers within a
    /// few milliseconds leaves the configured concurrency as it is); never more than
    /// <see cref="DeliveryOptions.MaxConcurrency"/>. Without pacing there is no rate to hold, and the configured
    /// concurrency stands.
    /// </summary>
    public int InFlightTarget()
    {
        var settings = options.Value;
        var floor = Math.Max(1, settings.Concurrency);
        if (settings.TenantRequestsPerSecond <= 0)
        {
            return floor;
        }

        var waiting = (int)Math.Floor(Math.Round(settings.TenantRequestsPerSecond * RoundTrip.TotalSeconds * 1.25, 6));
        return Math.Min(floor + waiting, Math.Max(floor, settings.MaxConcurrency));
    }

    /// <summary>Waits until the conversation may receive one more message, and reserves it.</summary>
    public async Task WaitForConversationAsync(string conversationId, CancellationToken cancellationToken)
    {
        while (true)
        {
            var reservation = ReserveConversation(conversationId);
            if (reservation.Reserved)
            {
                return;
            }

            await Task.Delay(reservation.Delay, time, cancellationToken);
        }
    }

    /// <summary>Waits for the app's next slot.</summary>
    public async Task WaitForAppSlotAsync(CancellationToken cancellationToken)
    {
        var delay = ReserveAppSlot();
        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, time, cancellationToken);
        }
    }

    /// <summary>
    /// Waits for room in the last second of requests actually sent, retries included: after a pause (a garbage
    /// collection, a busy processor, a 429's Retry-After) the requests that were waiting would otherwise leave together
    /// and exceed the limit in the second they arrive in.
    /// </summary>
    public async Task WaitForRoomAsync(CancellationToken cancellationToken)
    {
        while (TakeRoomInLastSecond() is { } wait)
        {
            await Task.Delay(wait, time, cancellationToken);
        }
    }

    /// <summary>Records a request about to be sent if the last second has room for it; otherwise how long until it has.</summary>
    public TimeSpan? TakeRoomInLastSecond()
    {
        var perSecond = (int)Math.Floor(options.Value.TenantRequestsPerSecond);
        if (perSecond <= 0)
        {
            return null;
        }

        var now = time.GetUtcNow();
        lock (_gate)
        {
            while (_lastSecond.Count > 0 && _lastSecond.Peek() <= now - TimeSpan.FromSeconds(1))
            {
                _lastSecond.Dequeue();
            }

            if (_lastSecond.Count < perSecond)
            {
                _lastSecond.Enqueue(now);
                return null;
            }

            return _lastSecond.Peek() + TimeSpan.FromSeconds(1) - now;
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
